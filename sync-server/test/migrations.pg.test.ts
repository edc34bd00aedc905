import { loadMigrations, MigrationError, migrate } from "@worktrackr/migrations";
import { afterEach, beforeEach, expect, it } from "vitest";
import { openPostgres } from "../src/db/postgres-adapter.js";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "./databases.js";

describeEachDatabase("migrations", (kind) => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await test.drop();
  });

  it("apply from an empty database, and a second run is a no-op", async () => {
    const all = await loadMigrations();
    const first = await migrate(test.db);
    expect(first.applied).toEqual(all.map((m) => m.name));
    const second = await migrate(test.db);
    expect(second.applied).toEqual([]);
    const recorded = await test.db.sql<{ name: string; checksum: string }>`
      select name, checksum from schema_migrations order by version`;
    expect(recorded).toEqual(all.map((m) => ({ name: m.name, checksum: m.checksum })));
  });

  it("refuse a migration whose file changed after it was applied, and change nothing", async () => {
    const all = await loadMigrations();
    await migrate(test.db, all);
    const [first, ...rest] = all;
    if (!first) throw new Error("no migrations");
    const edited = [{ ...first, script: `${first.script}\n-- edited`, checksum: "0".repeat(64) }, ...rest];
    await expect(migrate(test.db, edited)).rejects.toThrow(MigrationError);
    await expect(migrate(test.db, edited)).rejects.toThrow(/0001_create_domain\.sql was changed after it was applied/);
  });

  it("apply nothing of a batch whose later migration fails", async () => {
    const all = await loadMigrations();
    const broken = [
      ...all,
      { version: 9999, name: "9999_break_things.sql", checksum: "x", script: "select * from nowhere;" },
    ];
    await expect(migrate(test.db, broken)).rejects.toThrow(/nowhere/);
    const [row] = await test.db.sql<{ exists: string | null }>`select to_regclass('public.tickets')::text as exists`;
    expect(row?.exists).toBeNull();
  });

  if (kind === "postgres") {
    it("let two servers starting at the same moment migrate one database without a race", async () => {
      const url = test.url;
      if (!url) throw new Error("no url");
      const other = await openPostgres(url, { max: 2 });
      try {
        const [a, b] = await Promise.all([migrate(test.db), migrate(other)]);
        expect([...a.applied, ...b.applied].sort()).toEqual((await loadMigrations()).map((m) => m.name));
      } finally {
        await other.close();
      }
    });
  }
});
