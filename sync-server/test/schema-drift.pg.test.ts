import { migrate } from "@worktrackr/migrations";
import { type Table, tables } from "@worktrackr/shared-schema";
import { afterAll, beforeAll, expect, it } from "vitest";
import { serverPrivateTables } from "../src/db/server-tables.js";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "./databases.js";

interface DbColumn {
  table_name: string;
  column_name: string;
  udt_name: string;
  is_nullable: "YES" | "NO";
  has_default: boolean;
}

interface DbCheck {
  table_name: string;
  column_name: string;
  definition: string;
}

/** The values a CHECK (col IN (...)) constraint allows, as PostgreSQL prints it back. */
function allowedValues(definition: string): string[] {
  return [...definition.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? "").sort();
}

/** A CHECK that lists values (IN (...) or = 'x'), not a pattern or a range. */
function isValueList(definition: string): boolean {
  return definition.includes("'") && !definition.includes(" ~ ");
}

// The migrations are plain SQL and shared-schema is the one TypeScript description; this keeps
// the two the same table by table, column by column, so neither can drift.
describeEachDatabase("shared-schema matches the migrated database", (kind) => {
  let test: TestDatabase;
  let columns: DbColumn[];
  let checks: DbCheck[];

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    await migrate(test.db);
    columns = await test.db.sql<DbColumn>`
      select c.table_name, c.column_name, c.udt_name, c.is_nullable,
             (c.column_default is not null) as has_default
      from information_schema.columns c
      join information_schema.tables t using (table_schema, table_name)
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'`;
    checks = await test.db.sql<DbCheck>`
      select cl.relname as table_name, a.attname as column_name, pg_get_constraintdef(co.oid) as definition
      from pg_constraint co
      join pg_class cl on cl.oid = co.conrelid
      join pg_attribute a on a.attrelid = cl.oid and a.attnum = co.conkey[1]
      where co.contype = 'c' and cardinality(co.conkey) = 1 and cl.relnamespace = 'public'::regnamespace`;
  });
  afterAll(async () => {
    await test.drop();
  });

  it("describes every table in shared-schema or lists it as server-private, and nothing twice", () => {
    const inDatabase = [...new Set(columns.map((c) => c.table_name))].sort();
    const described = Object.keys(tables);
    const accounted = [...described, ...serverPrivateTables].sort();
    expect(inDatabase).toEqual(accounted);
    expect(described.filter((t) => (serverPrivateTables as readonly string[]).includes(t))).toEqual([]);
  });

  for (const table of Object.values(tables) as Table[]) {
    it(`${table.name}: same columns, types, nullability, defaults and allowed values`, () => {
      const dbColumns = columns.filter((c) => c.table_name === table.name);
      const expectedNames = [...Object.keys(table.columns), ...(table.serverColumns ?? [])].sort();
      expect(dbColumns.map((c) => c.column_name).sort()).toEqual(expectedNames);
      for (const [name, column] of Object.entries(table.columns)) {
        const db = dbColumns.find((c) => c.column_name === name);
        expect({
          column: name,
          udt: db?.udt_name,
          nullable: db?.is_nullable === "YES",
          hasDefault: db?.has_default,
        }).toEqual({
          column: name,
          udt: column.udtName,
          nullable: column.isNullable,
          hasDefault: column.hasDefault,
        });
        const check = checks.find(
          (c) => c.table_name === table.name && c.column_name === name && isValueList(c.definition),
        );
        expect({ column: name, allowed: check ? allowedValues(check.definition) : undefined }).toEqual({
          column: name,
          allowed: column.allowed ? [...column.allowed].sort() : undefined,
        });
      }
    });
  }

  it("marks tenant-scoped tables exactly where the database has organisation_id", () => {
    for (const table of Object.values(tables) as Table[]) {
      const hasTenantColumn = columns.some((c) => c.table_name === table.name && c.column_name === "organisation_id");
      expect({ table: table.name, scope: table.scope }).toEqual({
        table: table.name,
        scope: hasTenantColumn ? "tenant" : "global",
      });
    }
  });
});
