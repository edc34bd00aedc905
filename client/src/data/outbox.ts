import type { OutboxEntry, OutboxStore, syncApi } from "@worktrackr/shared-schema";
import { Dexie, type EntityTable } from "dexie";

type Mutation = syncApi.Mutation;
type Ack = syncApi.Ack;

interface OutboxRecord {
  /** Auto-increment: the order the writes were made in, which is the order they are sent in. */
  readonly seq: number;
  readonly mutationId: string;
  /** The organisation the write was made in: a user's outbox outlives switching organisation. */
  readonly organisationId: string;
  readonly mutation: Mutation;
  readonly state: "pending" | "rejected";
  readonly reason?: string;
}

type OutboxDatabase = Dexie & { entries: EntityTable<OutboxRecord, "seq"> };

/** The IndexedDB name of a user's outbox. */
export const outboxDatabaseName = (userId: string) => `worktrackr-outbox-${userId}`;

function openOutboxDatabase(userId: string): OutboxDatabase {
  const db = new Dexie(outboxDatabaseName(userId)) as OutboxDatabase;
  db.version(1).stores({ entries: "++seq, &mutationId, [organisationId+state+seq]" });
  return db;
}

const toEntry = (record: OutboxRecord): OutboxEntry =>
  record.reason === undefined
    ? { mutation: record.mutation, state: record.state }
    : { mutation: record.mutation, state: record.state, reason: record.reason };

/**
 * The durable queue of a user's writes in one organisation, on Dexie (IndexedDB): it survives
 * reloads, crashes and the replica being rebuilt, and is the record the replica is restored from.
 * Rejected writes stay, with the server's reason, until the user dismisses them.
 */
export class DexieOutbox implements OutboxStore {
  readonly #db: OutboxDatabase;

  constructor(
    userId: string,
    readonly organisationId: string,
  ) {
    this.#db = openOutboxDatabase(userId);
  }

  #inState(state: OutboxRecord["state"]) {
    // The compound index ends with seq, so the range comes back in the order the writes were made.
    return this.#db.entries
      .where("[organisationId+state+seq]")
      .between([this.organisationId, state, Dexie.minKey], [this.organisationId, state, Dexie.maxKey]);
  }

  async add(mutation: Mutation): Promise<void> {
    await this.#db.entries.add({
      mutationId: mutation.id,
      organisationId: this.organisationId,
      mutation,
      state: "pending",
    });
  }

  async pending(): Promise<Mutation[]> {
    return (await this.#inState("pending").toArray()).map((r) => r.mutation);
  }

  async settle(acks: readonly Ack[]): Promise<void> {
    const byId = new Map(acks.map((ack) => [ack.id, ack]));
    await this.#db.transaction("rw", this.#db.entries, async () => {
      const records = await this.#db.entries
        .where("mutationId")
        .anyOf([...byId.keys()])
        .toArray();
      const acknowledged: number[] = [];
      for (const record of records) {
        const ack = byId.get(record.mutationId);
        if (!ack || record.state !== "pending") continue;
        if (ack.status === "rejected")
          await this.#db.entries.update(record.seq, { state: "rejected", reason: ack.reason ?? "Refused." });
        else acknowledged.push(record.seq);
      }
      await this.#db.entries.bulkDelete(acknowledged);
    });
  }

  async rejected(): Promise<OutboxEntry[]> {
    return (await this.#inState("rejected").toArray()).map(toEntry);
  }

  async dismiss(mutationId: string): Promise<void> {
    await this.#db.entries.where("mutationId").equals(mutationId).delete();
  }

  async countPending(): Promise<number> {
    return this.#inState("pending").count();
  }

  async countRejected(): Promise<number> {
    return this.#inState("rejected").count();
  }

  close(): void {
    this.#db.close();
  }
}
