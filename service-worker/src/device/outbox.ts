import type { AckedMutation, OutboxEntry, OutboxStore, syncApi } from "@worktrackr/shared-schema";
import { Dexie } from "dexie";
import type { DeviceDatabase, OutboxRecord } from "./device-database.js";

type Mutation = syncApi.Mutation;
type Ack = syncApi.Ack;

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
  readonly #db: DeviceDatabase;

  constructor(
    db: DeviceDatabase,
    readonly organisationId: string,
  ) {
    this.#db = db;
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

  /** Keeps answers for the replica, which was not open to take them (a push from the service worker). */
  async keepUnappliedAcks(acked: readonly AckedMutation[]): Promise<void> {
    const organisationId = this.organisationId;
    await this.#db.unappliedAcks.bulkAdd(acked.map((a) => ({ organisationId, acked: a })));
  }

  /** Answers the replica has not taken yet, in the order they came, and a function to forget them once taken. */
  async unappliedAcks(): Promise<{ acked: AckedMutation[]; forget: () => Promise<void> }> {
    const records = await this.#db.unappliedAcks
      .where("[organisationId+seq]")
      .between([this.organisationId, Dexie.minKey], [this.organisationId, Dexie.maxKey])
      .toArray();
    return {
      acked: records.map((r) => r.acked),
      forget: async () => {
        await this.#db.unappliedAcks.bulkDelete(records.map((r) => r.seq));
      },
    };
  }

  async countPending(): Promise<number> {
    return this.#inState("pending").count();
  }

  async countRejected(): Promise<number> {
    return this.#inState("rejected").count();
  }
}
