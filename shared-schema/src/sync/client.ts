import { tableAccess } from "../permissions.js";
import { isTableName, type TableName } from "../schema.js";
import { HybridClock } from "./hlc.js";
import type { Ack, Change, Mutation, PullResponse, PushRequest, PushResponse } from "./protocol.js";
import { maxMutationsPerPush } from "./protocol.js";
import { protocolVersion } from "./protocol-version.js";

export type Row = Record<string, unknown>;

/** The device's copy of its scope: in memory for tests and benchmarks, PGlite in the browser. */
export interface ReplicaStore {
  get(table: string, id: string): Promise<Row | undefined>;
  /** Stores a row; the sync client always passes the whole row (server state with pending edits on top). */
  put(table: string, row: Row): Promise<void>;
  delete(table: string, id: string): Promise<void>;
  /** Rows of a table whose column equals a value (children of a dropped row). */
  where(table: string, column: string, value: string): Promise<Row[]>;
  getCursor(): Promise<number>;
  setCursor(cursor: number): Promise<void>;
}

export interface OutboxEntry {
  readonly mutation: Mutation;
  /** pending: not yet acknowledged. rejected: the server refused it; kept until the user has seen why. */
  readonly state: "pending" | "rejected";
  readonly reason?: string;
}

/** The durable queue of the device's writes (Dexie in the browser), in the order they were made. */
export interface OutboxStore {
  add(mutation: Mutation): Promise<void>;
  pending(): Promise<Mutation[]>;
  /** Removes acknowledged mutations; a rejected one is kept, marked, with its reason. */
  settle(acks: readonly Ack[]): Promise<void>;
  rejected(): Promise<OutboxEntry[]>;
  dismiss(mutationId: string): Promise<void>;
}

/** A pushed write and the server's answer to it. */
export interface AckedMutation {
  readonly mutation: Mutation;
  readonly ack: Ack;
}

/** Each ack with the write it answers; acks for writes not in the batch are ignored. */
export function pairAcks(sent: readonly Mutation[], acks: readonly Ack[]): AckedMutation[] {
  const byId = new Map(sent.map((m) => [m.id, m]));
  return acks.flatMap((ack) => {
    const mutation = byId.get(ack.id);
    return mutation ? [{ mutation, ack }] : [];
  });
}

/**
 * Sends an outbox's pending writes in order, in batches, until none is left; each batch's answers
 * go to onAnswered, which must settle them in the outbox. Used by the page's SyncClient and by the
 * service worker, which has no replica to apply the answers to. Stops if a batch is not answered
 * at all, rather than asking the same thing forever.
 */
export async function pushPending(
  outbox: OutboxStore,
  transport: SyncTransport,
  clientId: string,
  onAnswered: (batch: readonly Mutation[], response: PushResponse) => Promise<void>,
): Promise<number> {
  let sent = 0;
  for (;;) {
    const batch = (await outbox.pending()).slice(0, maxMutationsPerPush);
    if (batch.length === 0) return sent;
    const response = await transport.push({ clientId, protocolVersion, mutations: batch });
    await onAnswered(batch, response);
    sent += batch.length;
    if (response.acks.length === 0) return sent;
  }
}

export interface SyncTransport {
  push(request: PushRequest): Promise<PushResponse>;
  pull(cursor: number, limit: number): Promise<PullResponse>;
}

export interface SyncClientOptions {
  readonly clientId: string;
  readonly transport: SyncTransport;
  readonly replica: ReplicaStore;
  readonly outbox: OutboxStore;
  readonly newId: () => string;
  readonly wallClock?: () => number;
  readonly pullLimit?: number;
}

export interface SyncResult {
  readonly pushed: number;
  readonly pulled: number;
}

/** Tables whose rows hang off a table's rows, so a dropped row takes them with it. */
function childrenOf(table: string): { table: TableName; column: string }[] {
  const result: { table: TableName; column: string }[] = [];
  for (const [child, access] of Object.entries(tableAccess)) {
    if (access.read.kind === "parent" && access.read.table === table)
      result.push({ table: child as TableName, column: access.read.column });
  }
  return result;
}

/**
 * A device's sync engine, shared by the browser and the headless devices of tests and benchmarks.
 * Writes apply to the replica at once and queue in the outbox; sync() pushes the outbox in order,
 * then pulls, applying server state and re-applying still-pending writes on top (rebase) so the
 * screen never flickers back to an older value.
 */
export class SyncClient {
  readonly clock: HybridClock;
  #syncing: Promise<SyncResult> | undefined;

  constructor(private readonly options: SyncClientOptions) {
    this.clock = new HybridClock(options.clientId, options.wallClock);
  }

  /** Records a change: applied to the replica now, sent on the next sync. */
  async write(table: TableName, op: "upsert" | "delete", row: Row & { id: string }): Promise<Mutation> {
    const mutation: Mutation = { id: this.options.newId(), table, op, row, hlc: this.clock.now() };
    await this.options.outbox.add(mutation);
    await this.#applyLocal(mutation);
    return mutation;
  }

  /**
   * Puts the outbox's unacknowledged writes back on top of the replica: a replica that flushes
   * lazily, or one rebuilt empty after an update, shows again everything the user saw saved.
   */
  async restorePending(): Promise<void> {
    for (const mutation of await this.options.outbox.pending()) {
      try {
        await this.#applyLocal(mutation);
      } catch {
        // An edit of a few fields to a row the replica no longer holds cannot stand alone; the
        // next pull brings the row and the edit is re-applied on top of it.
      }
    }
  }

  /** Pushes then pulls; concurrent calls share one run, so triggers (timer, online, poke) can overlap freely. */
  sync(): Promise<SyncResult> {
    this.#syncing ??= this.#run().finally(() => {
      this.#syncing = undefined;
    });
    return this.#syncing;
  }

  async #run(): Promise<SyncResult> {
    const pushed = await this.push();
    const pulled = await this.pull();
    return { pushed, pulled };
  }

  /** Sends the outbox in order, in batches; acknowledged mutations leave it. */
  push(): Promise<number> {
    const { outbox, transport, clientId } = this.options;
    return pushPending(outbox, transport, clientId, async (batch, response) => {
      this.clock.receive(response.hlc);
      await outbox.settle(response.acks);
      await this.applyAcks(pairAcks(batch, response.acks));
    });
  }

  /**
   * Brings the replica in line with the server's answers to pushed writes: the row as the server
   * kept it, or the row gone when it was refused or deleted. Also used for pushes another sender
   * made on this device's behalf (the service worker, with no replica open).
   */
  async applyAcks(acked: readonly AckedMutation[]): Promise<void> {
    for (const { mutation, ack } of acked) {
      if (ack.row) await this.#applyServerRow(mutation.table, ack.row);
      else if (ack.status === "rejected" || mutation.op === "delete") {
        // No row back: it does not exist for this device. Only that row goes; anything that
        // hangs off it is the server's to delete, and arrives as tombstones.
        await this.options.replica.delete(mutation.table, String(mutation.row.id));
      }
    }
  }

  /** Pulls every page after the cursor. */
  async pull(): Promise<number> {
    let count = 0;
    for (;;) {
      const cursor = await this.options.replica.getCursor();
      const page = await this.options.transport.pull(cursor, this.options.pullLimit ?? 1000);
      this.clock.receive(page.hlc);
      for (const change of page.changes) await this.#applyChange(change);
      count += page.changes.length;
      await this.options.replica.setCursor(page.cursor);
      if (!page.more) return count;
    }
  }

  async #applyChange(change: Change): Promise<void> {
    if (change.op === "delete") await this.#dropLocal(change.table, change.id);
    else await this.#applyServerRow(change.table, change.row);
  }

  /** Server state first, then the device's own pending edits to the same row on top. */
  async #applyServerRow(table: string, row: Row): Promise<void> {
    const id = String(row.id);
    let merged: Row | null = { ...row };
    for (const m of await this.options.outbox.pending()) {
      if (m.table !== table || String(m.row.id) !== id) continue;
      merged = m.op === "delete" ? null : { ...(merged ?? {}), ...m.row };
    }
    if (merged) await this.options.replica.put(table, merged);
    else await this.options.replica.delete(table, id);
  }

  async #applyLocal(m: Mutation): Promise<void> {
    const id = String(m.row.id);
    if (m.op === "delete") {
      // Only the row: if the server refuses the delete, the row comes back with the ack, but rows
      // hanging off it could not. An accepted delete's cascade arrives as tombstones.
      await this.options.replica.delete(m.table, id);
      return;
    }
    const current = await this.options.replica.get(m.table, id);
    await this.options.replica.put(m.table, { ...(current ?? {}), ...m.row });
  }

  /** Removes a row and, recursively, the rows that hang off it (a dropped ticket's comments). */
  async #dropLocal(table: string, id: string): Promise<void> {
    await this.options.replica.delete(table, id);
    if (!isTableName(table)) return;
    for (const child of childrenOf(table)) {
      for (const row of await this.options.replica.where(child.table, child.column, id)) {
        await this.#dropLocal(child.table, String(row.id));
      }
    }
  }
}

/** A replica in memory: the headless device's, and the reference the tests compare against. */
export class MemoryReplica implements ReplicaStore {
  readonly tables = new Map<string, Map<string, Row>>();
  #cursor = 0;

  #table(name: string): Map<string, Row> {
    let table = this.tables.get(name);
    if (!table) {
      table = new Map();
      this.tables.set(name, table);
    }
    return table;
  }

  async get(table: string, id: string) {
    return this.#table(table).get(id);
  }
  async put(table: string, row: Row) {
    this.#table(table).set(String(row.id), row);
  }
  async delete(table: string, id: string) {
    this.#table(table).delete(id);
  }
  async where(table: string, column: string, value: string) {
    return [...this.#table(table).values()].filter((r) => r[column] === value);
  }
  async getCursor() {
    return this.#cursor;
  }
  async setCursor(cursor: number) {
    this.#cursor = cursor;
  }
  /** Every row, sorted, for comparing replicas. */
  snapshot(): Record<string, Row[]> {
    const result: Record<string, Row[]> = {};
    for (const [name, rows] of [...this.tables].sort(([a], [b]) => a.localeCompare(b))) {
      if (rows.size > 0) result[name] = [...rows.values()].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    }
    return result;
  }
}

/** An outbox in memory, for headless devices. */
export class MemoryOutbox implements OutboxStore {
  #entries: OutboxEntry[] = [];

  async add(mutation: Mutation) {
    this.#entries.push({ mutation, state: "pending" });
  }
  async pending() {
    return this.#entries.filter((e) => e.state === "pending").map((e) => e.mutation);
  }
  async settle(acks: readonly Ack[]) {
    const byId = new Map(acks.map((a) => [a.id, a]));
    this.#entries = this.#entries.flatMap((e): OutboxEntry[] => {
      const ack = byId.get(e.mutation.id);
      if (!ack || e.state !== "pending") return [e];
      if (ack.status === "rejected")
        return [{ mutation: e.mutation, state: "rejected", reason: ack.reason ?? "Refused." }];
      return [];
    });
  }
  async rejected() {
    return this.#entries.filter((e) => e.state === "rejected");
  }
  async dismiss(mutationId: string) {
    this.#entries = this.#entries.filter((e) => e.mutation.id !== mutationId);
  }
}
