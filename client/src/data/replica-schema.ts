import type { PGliteInterface, Transaction } from "@electric-sql/pglite";
import { replicaDdl, type Table, tableNames, tables } from "@worktrackr/shared-schema";

/** What the replica needs of a database: PGlite in a worker in the app, in memory in tests. */
export type ReplicaDatabase = Pick<PGliteInterface, "query" | "exec" | "transaction">;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The replicated tables, as shared-schema describes them. */
export function replicatedTable(name: string): Table | undefined {
  if (!(tableNames as readonly string[]).includes(name)) return undefined;
  const table = tables[name as keyof typeof tables] as unknown as Table;
  return table.isReplicated ? table : undefined;
}

const syncStateDdl = `CREATE TABLE IF NOT EXISTS sync_state (
  id integer PRIMARY KEY CHECK (id = 1),
  pull_cursor bigint NOT NULL DEFAULT 0,
  schema_hash text NOT NULL
);`;

/**
 * Changes to the shared DDL that only a device needs, derived from the same description:
 * - organisation_id defaults to this replica's organisation (one database per organisation), so a
 *   row the device writes (which never carries the tenant: the server takes it from the session)
 *   can be inserted before the server has seen it;
 * - other server-set columns without a default (a comment's author_id) may be null until the
 *   server's row replaces the device's.
 */
export function deviceAdjustments(organisationId: string): string {
  if (!uuidPattern.test(organisationId)) throw new Error("organisation id must be a UUID");
  const statements: string[] = [];
  for (const name of tableNames) {
    const table = replicatedTable(name);
    if (!table) continue;
    for (const [column, spec] of Object.entries(table.columns)) {
      const target = `ALTER TABLE ${quoteIdent(name)} ALTER COLUMN ${quoteIdent(column)}`;
      if (column === "organisation_id") statements.push(`${target} SET DEFAULT '${organisationId}';`);
      else if (spec.isServerSet && !spec.isNullable && spec.defaultSql === undefined)
        statements.push(`${target} DROP NOT NULL;`);
    }
  }
  return statements.join("\n");
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

async function dropReplicatedTables(tx: Transaction): Promise<void> {
  const { rows } = await tx.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = 'public' and table_name <> 'sync_state'",
  );
  for (const { table_name } of rows) await tx.exec(`DROP TABLE ${quoteIdent(table_name)};`);
}

/**
 * Creates the replica's tables, or rebuilds them when this build's schema differs from the one the
 * device's copy was made with. A rebuild starts the pull from cursor 0: the replica is only a cache
 * of the server's state, and the device's own unsent writes live in the outbox and are put back.
 * Returns whether the replica was (re)built empty.
 */
export async function prepareReplicaSchema(db: ReplicaDatabase, organisationId: string): Promise<boolean> {
  const schema = `${replicaDdl()}\n\n${deviceAdjustments(organisationId)}`;
  const schemaHash = await sha256Hex(schema);
  return db.transaction(async (tx) => {
    await tx.exec(syncStateDdl);
    const { rows } = await tx.query<{ schema_hash: string }>("select schema_hash from sync_state where id = 1");
    if (rows[0]?.schema_hash === schemaHash) return false;
    await dropReplicatedTables(tx);
    await tx.exec(schema);
    await tx.query(
      `insert into sync_state (id, pull_cursor, schema_hash) values (1, 0, $1)
       on conflict (id) do update set pull_cursor = 0, schema_hash = excluded.schema_hash`,
      [schemaHash],
    );
    return true;
  });
}
