import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "./databases.js";

// Both adapters must hand the application the same values, or code tested on one breaks on the other.
describeEachDatabase("database adapter", (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await test.drop();
  });

  it("returns timestamps, dates, bigints, numerics, json and arrays in one agreed form", async () => {
    const [row] = await test.db.sql`
      select '2026-11-21 23:00:00.123456+00'::timestamptz as ts, '2026-11-21'::date as d,
             9007199254740991::int8 as big, 1.50::numeric(5,2) as n, ${{ a: [1, "x"] }}::jsonb as j,
             ${"a string"}::jsonb as js, ${["a", "b"]}::text[] as arr, null::text as nothing, true as yes`;
    expect(row).toEqual({
      ts: "2026-11-21T23:00:00.123Z",
      d: "2026-11-21",
      big: 9007199254740991,
      n: "1.50",
      j: { a: [1, "x"] },
      js: "a string",
      arr: ["a", "b"],
      nothing: null,
      yes: true,
    });
  });

  it("accepts timestamps as ISO strings or Dates in parameters", async () => {
    const [row] = await test.db.sql<{ a: string; b: string }>`
      select ${"2026-11-21T23:00:00.000Z"}::timestamptz as a, ${new Date("2026-11-21T23:00:00.000Z")}::timestamptz as b`;
    expect(row).toEqual({ a: "2026-11-21T23:00:00.000Z", b: "2026-11-21T23:00:00.000Z" });
  });

  it("rolls back the whole transaction when its work throws", async () => {
    await test.db.exec("create table rollback_probe (id int primary key)");
    await expect(
      test.db.begin(async (tx) => {
        await tx.sql`insert into rollback_probe values (1)`;
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const rows = await test.db.sql`select * from rollback_probe`;
    expect(rows).toHaveLength(0);
  });
});
