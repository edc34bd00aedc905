import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { replicaDdl } from "./replica-ddl.js";
import { tables } from "./schema.js";

describe("device replica schema", () => {
  it("creates every replicated table on PGlite, and only those", async () => {
    const pg = await PGlite.create();
    await pg.exec(replicaDdl());
    const { rows } = await pg.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
    );
    const expected = Object.values(tables)
      .filter((t) => t.isReplicated)
      .map((t) => t.name)
      .sort();
    expect(rows.map((r) => r.table_name)).toEqual(expected);
    await pg.close();
  });

  it("never ships server-only columns such as the password hash to a device", () => {
    expect(replicaDdl()).not.toContain("password_hash");
    expect(replicaDdl()).not.toContain("stripe_customer_id");
  });
});
