import { migrate } from "@worktrackr/migrations";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Tx } from "../src/db/db.js";
import { fragment, ident, idents, join, type SqlFragment } from "../src/db/sql-template.js";
import { withTenant } from "../src/tenancy/tenant-context.js";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "./databases.js";
import { seedTenantFixture, type TenantFixture } from "./tenant-fixture.js";

interface ColumnInfo {
  table_name: string;
  column_name: string;
  is_generated: string;
  is_identity: string;
}

/** Runs one statement inside a savepoint so an expected failure leaves the transaction usable. */
async function attempt(
  tx: Tx,
  statement: SqlFragment,
): Promise<{ ok: true; count: number } | { ok: false; code: string }> {
  try {
    const rows = await tx.savepoint(
      (sp) => sp.sql<{ n: number }>`with r as (${statement} returning 1) select count(*)::int as n from r`,
    );
    return { ok: true, count: rows[0]?.n ?? 0 };
  } catch (error) {
    return { ok: false, code: String((error as { code?: unknown }).code ?? (error as Error).message) };
  }
}

describeEachDatabase("tenant isolation", (kind) => {
  let test: TestDatabase;
  let a: TenantFixture;
  let b: TenantFixture;
  let tenantTables: string[];
  let columns: ColumnInfo[];

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    await migrate(test.db);
    a = await seedTenantFixture(test.db, "a");
    b = await seedTenantFixture(test.db, "b");
    columns = await test.db.sql<ColumnInfo>`
      select c.table_name, c.column_name, c.is_generated, c.is_identity
      from information_schema.columns c
      join information_schema.tables t using (table_schema, table_name)
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      order by c.table_name, c.ordinal_position`;
    tenantTables = [...new Set(columns.filter((c) => c.column_name === "organisation_id").map((c) => c.table_name))];
  });
  afterAll(async () => {
    await test.drop();
  });

  it("covers every tenant table with fixture rows for both tenants", async () => {
    expect(tenantTables.length).toBeGreaterThan(20);
    for (const table of tenantTables) {
      const [row] = await test.db.sql<{ a: number; b: number }>`
        select count(*) filter (where organisation_id = ${a.organisationId})::int as a,
               count(*) filter (where organisation_id = ${b.organisationId})::int as b from ${ident(table)}`;
      expect({ table, ...row }).toEqual({ table, a: expect.any(Number), b: expect.any(Number) });
      expect(row?.a, `add a row for ${table} to test/tenant-fixture.ts`).toBeGreaterThan(0);
      expect(row?.b, `add a row for ${table} to test/tenant-fixture.ts`).toBeGreaterThan(0);
    }
  });

  it("has row-level security enabled and forced on every table carrying organisation_id", async () => {
    const rows = await test.db.sql<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>`
      select relname, relrowsecurity, relforcerowsecurity from pg_class
      where relnamespace = 'public'::regnamespace and relname = any(${tenantTables})`;
    for (const row of rows) {
      expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
    }
    expect(rows).toHaveLength(tenantTables.length);
  });

  it("gives every tenant table an index that leads with organisation_id", async () => {
    const rows = await test.db.sql<{ table_name: string }>`
      select distinct t.relname as table_name
      from pg_index i
      join pg_class t on t.oid = i.indrelid
      join pg_attribute a on a.attrelid = t.oid and a.attnum = i.indkey[0]
      where t.relnamespace = 'public'::regnamespace and a.attname = 'organisation_id'`;
    const indexed = new Set(rows.map((r) => r.table_name));
    expect(tenantTables.filter((t) => !indexed.has(t))).toEqual([]);
  });

  it("lets the app role in tenant A neither read nor write any of tenant B's rows, in every tenant table", async () => {
    const failures: string[] = [];
    await withTenant(test.db, { organisationId: a.organisationId, userId: a.userId, role: "admin" }, async (tx) => {
      const [who] = await tx.sql<{ current_user: string }>`select current_user`;
      expect(who?.current_user).toBe("worktrackr_app");
      for (const table of tenantTables) {
        const t = ident(table);
        const seen = await tx.sql<{ own: number; other: number }>`
          select count(*) filter (where organisation_id = ${a.organisationId})::int as own,
                 count(*) filter (where organisation_id <> ${a.organisationId})::int as other from ${t}`;
        if (seen[0]?.own === 0) failures.push(`${table}: tenant A cannot see its own rows`);
        if (seen[0]?.other !== 0) failures.push(`${table}: tenant A reads ${seen[0]?.other} rows of another tenant`);

        const updated = await attempt(
          tx,
          fragment`update ${t} set organisation_id = organisation_id where organisation_id = ${b.organisationId}`,
        );
        if (updated.ok && updated.count > 0) failures.push(`${table}: tenant A updated B's rows`);
        const deleted = await attempt(tx, fragment`delete from ${t} where organisation_id = ${b.organisationId}`);
        if (deleted.ok && deleted.count > 0) failures.push(`${table}: tenant A deleted B's rows`);

        const writable = columns
          .filter((c) => c.table_name === table && c.is_generated === "NEVER" && c.is_identity === "NO")
          .map((c) => c.column_name);
        const values = writable.map((c) =>
          c === "organisation_id"
            ? fragment`${b.organisationId}::uuid`
            : c === "id"
              ? fragment`gen_random_uuid()`
              : ident(c),
        );
        const inserted = await attempt(
          tx,
          fragment`insert into ${t} (${idents(writable)}) select ${join(values)} from ${t} where organisation_id = ${a.organisationId} limit 1`,
        );
        if (inserted.ok) failures.push(`${table}: tenant A inserted a row into tenant B`);
        else if (inserted.code !== "42501")
          failures.push(`${table}: insert into B failed for another reason (${inserted.code})`);

        const moved = await attempt(
          tx,
          fragment`update ${t} set organisation_id = ${b.organisationId} where organisation_id = ${a.organisationId}`,
        );
        if (moved.ok) failures.push(`${table}: tenant A moved its row into tenant B`);
      }
    });
    expect(failures).toEqual([]);
  });

  it("shows the app role only its own organisation", async () => {
    await withTenant(test.db, { organisationId: a.organisationId, userId: a.userId, role: "admin" }, async (tx) => {
      const rows = await tx.sql<{ id: string }>`select id from organisations`;
      expect(rows.map((r) => r.id)).toEqual([a.organisationId]);
    });
  });

  it("shows the app role nothing when no tenant is set", async () => {
    await test.db.begin(async (tx) => {
      await tx.exec("set local role worktrackr_app");
      const rows = await tx.sql<{ n: number }>`select count(*)::int as n from tickets`;
      expect(rows[0]?.n).toBe(0);
    });
  });

  it("keeps sessions and other secrets out of the app role's reach", async () => {
    await withTenant(test.db, { organisationId: a.organisationId, userId: a.userId, role: "admin" }, async (tx) => {
      const result = await attempt(tx, fragment`delete from sessions`);
      expect(result).toEqual({ ok: false, code: "42501" });
    });
  });
});
