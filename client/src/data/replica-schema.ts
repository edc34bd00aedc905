import type { PGliteInterface, Transaction } from "@electric-sql/pglite";
import { replicaDdl, type Table, tableNames, tables } from "@worktrackr/shared-schema";
import { replicaIndexesDdl } from "./replica-indexes.js";

/** What the replica needs of a database: PGlite in a worker in the app, in memory in tests. */
export type ReplicaDatabase = Pick<PGliteInterface, "query" | "exec" | "transaction">;

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
export async function prepareReplicaSchema(db: ReplicaDatabase): Promise<boolean> {
  const schema = replicaDdl();
  const schemaHash = await sha256Hex(schema);
  return db.transaction(async (tx) => {
    await tx.exec(syncStateDdl);
    const { rows } = await tx.query<{ schema_hash: string }>("select schema_hash from sync_state where id = 1");
    const isRebuilt = rows[0]?.schema_hash !== schemaHash;
    if (isRebuilt) {
      await dropReplicatedTables(tx);
      await tx.exec(schema);
      await tx.query(
        `insert into sync_state (id, pull_cursor, schema_hash) values (1, 0, $1)
         on conflict (id) do update set pull_cursor = 0, schema_hash = excluded.schema_hash`,
        [schemaHash],
      );
    }
    // Outside the hash, so an index added later reaches existing replicas without a rebuild.
    await tx.exec(replicaIndexesDdl);
    return isRebuilt;
  });
}
