import { PGliteWorker } from "@electric-sql/pglite/worker";
import type { ReplicaStore } from "@worktrackr/shared-schema";
import { prepareReplicaSchema, quoteIdent, type ReplicaDatabase, replicatedTable } from "./replica-schema.js";
import { replicaParsers, replicaSerializers } from "./replica-values.js";

export type ReplicaRow = Record<string, unknown>;

/** Whose replica: one database per user and organisation, so a shared device never mixes them. */
export interface ReplicaIdentity {
  readonly userId: string;
  readonly organisationId: string;
}

const queryOptions = { parsers: replicaParsers, serializers: replicaSerializers };

/**
 * The device's copy of its scope, on PGlite. Tables come from shared-schema's replicaDdl(); rows
 * keep every column the server sends. Tables this build does not know (a newer server's) are
 * skipped rather than failing the whole pull.
 */
export class PgliteReplica implements ReplicaStore {
  readonly #unknownTables = new Set<string>();

  constructor(readonly db: ReplicaDatabase) {}

  /** Opens the schema on a database (one per user and organisation); see prepareReplicaSchema. */
  static async open(db: ReplicaDatabase): Promise<PgliteReplica> {
    await prepareReplicaSchema(db);
    return new PgliteReplica(db);
  }

  /** A read for the screens, with the replica's value shapes. */
  async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const result = await this.db.query<T>(sql, [...params], queryOptions);
    return result.rows;
  }

  #columnsOf(table: string): Record<string, { sqlType: string }> | undefined {
    const spec = replicatedTable(table);
    if (spec) return spec.columns;
    if (!this.#unknownTables.has(table)) {
      this.#unknownTables.add(table);
      console.warn(`replica: ignoring rows of table "${table}", which this version of the app does not know`);
    }
    return undefined;
  }

  async get(table: string, id: string): Promise<ReplicaRow | undefined> {
    if (!this.#columnsOf(table)) return undefined;
    const [row] = await this.query<ReplicaRow>(`select * from ${quoteIdent(table)} where id = $1`, [id]);
    return row;
  }

  /**
   * Upsert of the given columns only: a device write carries just the fields it changes, and the
   * columns it leaves out keep their stored values (or take their defaults on insert).
   */
  async put(table: string, row: ReplicaRow): Promise<void> {
    const columns = this.#columnsOf(table);
    if (!columns) return;
    if (typeof row.id !== "string") throw new Error(`replica: a ${table} row without an id`);
    // Only described columns: a key from elsewhere never becomes an identifier in SQL.
    const names = ["id", ...Object.keys(row).filter((name) => name !== "id" && Object.hasOwn(columns, name))];
    const values = names.map((name) => row[name]);
    const params = names.map((name, i) => (columns[name]?.sqlType === "jsonb" ? `$${i + 1}::jsonb` : `$${i + 1}`));
    const target = quoteIdent(table);
    const columnList = names.map(quoteIdent).join(", ");
    if (names.length === 1) {
      await this.db.query(`insert into ${target} (id) values ($1) on conflict (id) do nothing`, values, queryOptions);
      return;
    }
    // Not INSERT ... ON CONFLICT DO UPDATE: PostgreSQL checks NOT NULL on the proposed insert
    // before it finds the conflict, so an edit of a few fields to an existing row would fail.
    const assignments = names.slice(1).map((name, i) => `${quoteIdent(name)} = ${params[i + 1]}`);
    await this.db.query(
      `with updated as (update ${target} set ${assignments.join(", ")} where id = $1 returning id)
       insert into ${target} (${columnList}) select ${params.join(", ")} where not exists (select from updated)`,
      values,
      queryOptions,
    );
  }

  async delete(table: string, id: string): Promise<void> {
    if (!this.#columnsOf(table)) return;
    await this.db.query(`delete from ${quoteIdent(table)} where id = $1`, [id]);
  }

  async where(table: string, column: string, value: string): Promise<ReplicaRow[]> {
    const columns = this.#columnsOf(table);
    if (!columns) return [];
    if (!Object.hasOwn(columns, column)) throw new Error(`replica: ${table} has no column ${column}`);
    return this.query<ReplicaRow>(`select * from ${quoteIdent(table)} where ${quoteIdent(column)} = $1`, [value]);
  }

  async getCursor(): Promise<number> {
    const [state] = await this.query<{ pull_cursor: number }>("select pull_cursor from sync_state where id = 1");
    return state?.pull_cursor ?? 0;
  }

  async setCursor(cursor: number): Promise<void> {
    await this.db.query("update sync_state set pull_cursor = $1 where id = 1", [cursor]);
  }
}

/** The IndexedDB name of a user's replica for one organisation. */
export const replicaDataDir = ({ userId, organisationId }: ReplicaIdentity) =>
  `idb://worktrackr-${userId}-${organisationId}`;

/** A replica whose database runs in a Web Worker, persisted to IndexedDB. */
export interface OpenReplica {
  readonly replica: PgliteReplica;
  /** Stops this tab's worker (another tab's, if it holds the database, carries on). */
  close(): Promise<void>;
}

export async function openReplica(identity: ReplicaIdentity): Promise<OpenReplica> {
  const worker = new Worker(new URL("./pglite.worker.ts", import.meta.url), { type: "module" });
  const db = await PGliteWorker.create(worker, {
    dataDir: replicaDataDir(identity),
    // Flushing to IndexedDB after every query costs 25-35 ms; relaxed, 0.2-3 ms. What it risks
    // is the last flush when the tab dies or closes (a flush is one IndexedDB transaction: an
    // interrupted one is dropped whole, the cursor with the rows, and they are pulled again).
    // The device's own writes are safe regardless: the outbox in Dexie is their durable record
    // and is put back on top at start (restorePendingWrites).
    relaxedDurability: true,
  });
  const replica = await PgliteReplica.open(db);
  return { replica, close: () => db.close() };
}
