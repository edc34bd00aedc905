import "fake-indexeddb/auto";
import type { syncApi } from "@worktrackr/shared-schema";
import { Dexie } from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import { type DeviceDatabase, openDeviceDatabase, outboxDatabaseName } from "./device-database.js";
import { DexieOutbox } from "./outbox.js";

const orgA = "00000000-0000-4000-8000-00000000000a";
const orgB = "00000000-0000-4000-8000-00000000000b";
const hlc = "2026-11-22T07:00:00.000Z-0000-device";
const write = (n: number): syncApi.Mutation => ({
  id: `m${n}`,
  table: "tickets",
  op: "upsert",
  row: { id: `t${n}`, title: `Ticket ${n}` },
  hlc,
});

let db: DeviceDatabase | undefined;
const open = () => {
  db = openDeviceDatabase(crypto.randomUUID());
  return db;
};
afterEach(() => db?.close());

describe("DexieOutbox", () => {
  it("sends writes in the order they were made and keeps refused ones with the server's reason", async () => {
    const outbox = new DexieOutbox(open(), orgA);
    for (const n of [1, 2, 3]) await outbox.add(write(n));
    await outbox.settle([
      { id: "m1", status: "applied" },
      { id: "m2", status: "rejected", reason: "Closed tickets cannot be edited." },
    ]);

    expect((await outbox.pending()).map((m) => m.id)).toEqual(["m3"]);
    expect(await outbox.rejected()).toEqual([
      { mutation: write(2), state: "rejected", reason: "Closed tickets cannot be edited." },
    ]);
    expect(await outbox.countPending()).toBe(1);
    expect(await outbox.countRejected()).toBe(1);
  });

  it("keeps the service worker's answers per organisation until the replica has taken them", async () => {
    const database = open();
    const inA = new DexieOutbox(database, orgA);
    const inB = new DexieOutbox(database, orgB);
    await inA.keepUnappliedAcks([{ mutation: write(1), ack: { id: "m1", status: "rejected", reason: "No." } }]);

    expect((await inB.unappliedAcks()).acked).toEqual([]);
    const taken = await inA.unappliedAcks();
    expect(taken.acked.map((a) => a.ack.status)).toEqual(["rejected"]);
    await taken.forget();
    expect((await inA.unappliedAcks()).acked).toEqual([]);
  });

  it("keeps the writes an older app version queued when the new version upgrades the database", async () => {
    const userId = crypto.randomUUID();
    const older = new Dexie(outboxDatabaseName(userId));
    older.version(1).stores({ entries: "++seq, &mutationId, [organisationId+state+seq]" });
    await older.table("entries").add({ mutationId: "m1", organisationId: orgA, mutation: write(1), state: "pending" });
    older.close();

    db = openDeviceDatabase(userId);
    expect(await new DexieOutbox(db, orgA).pending()).toEqual([write(1)]);
  });
});
