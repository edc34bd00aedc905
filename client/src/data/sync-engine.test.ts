import { SyncHttpError, SyncNetworkError, UpgradeRequiredError } from "@worktrackr/service-worker";
import {
  type AckedMutation,
  MemoryOutbox,
  MemoryReplica,
  type SyncTransport,
  type syncApi,
} from "@worktrackr/shared-schema";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { switchableConnectivity } from "./connectivity.js";
import { type FileUploads, SyncEngine } from "./sync-engine.js";
import { createSyncStatusStore } from "./sync-status.js";

class CountingMemoryOutbox extends MemoryOutbox {
  /** Answers a service worker got for this outbox's writes. */
  kept: AckedMutation[] = [];
  async unappliedAcks() {
    const acked = [...this.kept];
    return {
      acked,
      forget: async () => {
        this.kept = this.kept.filter((a) => !acked.includes(a));
      },
    };
  }
  async countPending() {
    return (await this.pending()).length;
  }
  async countRejected() {
    return (await this.rejected()).length;
  }
}

const serverHlc = "2026-11-22T08:00:00.000Z-ffff-server";

/** A server in memory: acks every push, serves what was pushed back on pull. */
function fakeServer() {
  const pushed: syncApi.Mutation[] = [];
  let version = 0;
  let failure: Error | undefined;
  const transport: SyncTransport = {
    async push(request) {
      if (failure) throw failure;
      pushed.push(...request.mutations);
      version += request.mutations.length;
      return {
        acks: request.mutations.map((m) => ({ id: m.id, status: "applied" as const })),
        cursor: version,
        hlc: serverHlc,
      };
    },
    async pull(cursor) {
      if (failure) throw failure;
      const changes = pushed
        .map((m, i) => ({ op: "upsert" as const, table: m.table, row: m.row, version: i + 1 }))
        .filter((c) => c.version > cursor);
      return { changes, cursor: version, more: false, hlc: serverHlc };
    },
  };
  return {
    transport,
    pushed,
    fail(error: Error | undefined) {
      failure = error;
    },
    bump() {
      version += 1;
    },
  };
}

let idCounter = 0;
const newId = () => `00000000-0000-4000-8000-${String(++idCounter).padStart(12, "0")}`;

function setUp(options: { isOnline?: boolean; uploads?: FileUploads; onSessionEnded?: () => void } = {}) {
  const server = fakeServer();
  const network = switchableConnectivity(options.isOnline ?? true);
  const status = createSyncStatusStore(options.isOnline ?? true);
  const replica = new MemoryReplica();
  const outbox = new CountingMemoryOutbox();
  let poke: (version: number) => void = () => {};
  const onDataChanged = vi.fn();
  const requestBackgroundSync = vi.fn();
  const engine = new SyncEngine({
    clientId: "test-device",
    replica,
    outbox,
    transport: server.transport,
    status,
    connectivity: network.connectivity,
    connectLive: (onPoke) => {
      poke = onPoke;
      return { reconnectNow: () => {}, close: () => {} };
    },
    onDataChanged,
    newId,
    requestBackgroundSync,
    ...(options.onSessionEnded ? { onSessionEnded: options.onSessionEnded } : {}),
    ...(options.uploads ? { uploads: options.uploads } : {}),
  });
  return {
    server,
    network,
    status,
    replica,
    outbox,
    engine,
    onDataChanged,
    requestBackgroundSync,
    poke: (v: number) => poke(v),
  };
}

describe("SyncEngine", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows a write at once, counts it waiting, and pushes it shortly after", async () => {
    const { engine, status, replica, server, onDataChanged } = setUp();
    await engine.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(status.getSnapshot()).toMatchObject({ isStarted: true, pendingCount: 0 });
    expect(status.getSnapshot().lastSyncedAt).not.toBeNull();

    onDataChanged.mockClear();
    await engine.write("tickets", "upsert", { id: newId(), title: "Offline leak" });
    expect(onDataChanged).toHaveBeenCalled();
    expect(status.getSnapshot().pendingCount).toBe(1);
    expect(server.pushed).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(400);
    expect(server.pushed.map((m) => m.row.title)).toEqual(["Offline leak"]);
    expect(status.getSnapshot()).toMatchObject({ pendingCount: 0, lastError: null });
    expect([...(replica.tables.get("tickets")?.values() ?? [])].map((r) => r.title)).toEqual(["Offline leak"]);
    await engine.stop();
  });

  it("keeps writes waiting while offline and sends them when the network returns", async () => {
    const { engine, status, server, network } = setUp({ isOnline: false });
    await engine.start();
    await engine.write("tickets", "upsert", { id: newId(), title: "In a tunnel" });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.pushed).toHaveLength(0);
    expect(status.getSnapshot().pendingCount).toBe(1);

    network.set(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(server.pushed).toHaveLength(1);
    expect(status.getSnapshot().pendingCount).toBe(0);
    await engine.stop();
  });

  it("names a table's rows with unsent writes until the server acknowledges them", async () => {
    const { engine, network } = setUp({ isOnline: false });
    await engine.start();
    const ticketId = newId();
    await engine.write("tickets", "upsert", { id: ticketId, title: "In a tunnel" });
    await engine.write("comments", "upsert", { id: newId(), ticket_id: ticketId, body: "Noted" });
    expect([...(await engine.pendingRowIds("tickets"))]).toEqual([ticketId]);

    network.set(true);
    await vi.advanceTimersByTimeAsync(0);
    expect((await engine.pendingRowIds("tickets")).size).toBe(0);
    await engine.stop();
  });

  it("backs off after a failure, says why, and retries on its own", async () => {
    const { engine, status, server } = setUp();
    server.fail(new SyncNetworkError("down"));
    await engine.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(status.getSnapshot().lastError).toMatch(/cannot be reached/);

    await engine.write("tickets", "upsert", { id: newId(), title: "Retry me" });
    server.fail(undefined);
    // The write's own trigger waits for the backoff; the retry (at most 1 s for a first failure) sends it.
    await vi.advanceTimersByTimeAsync(1_100);
    expect(server.pushed).toHaveLength(1);
    expect(status.getSnapshot()).toMatchObject({ pendingCount: 0, lastError: null });
    await engine.stop();
  });

  it("stops syncing when the server says the app must update, and keeps the writes", async () => {
    const { engine, status, server } = setUp();
    server.fail(new UpgradeRequiredError("This version of the app is out of date."));
    await engine.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(status.getSnapshot()).toMatchObject({
      isUpdateRequired: true,
      lastError: "This version of the app is out of date.",
    });

    server.fail(undefined);
    await engine.write("tickets", "upsert", { id: newId(), title: "Kept" });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(server.pushed).toHaveLength(0);
    expect(status.getSnapshot().pendingCount).toBe(1);
    await engine.stop();
  });

  it("pulls on a poke ahead of the replica, and ignores one it has already seen", async () => {
    const { engine, server, poke } = setUp();
    const pull = vi.spyOn(server.transport, "pull");
    await engine.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(pull).toHaveBeenCalledTimes(1);

    poke(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(pull).toHaveBeenCalledTimes(1);

    server.bump();
    poke(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(pull).toHaveBeenCalledTimes(2);
    await engine.stop();
  });

  it("syncs every 30 seconds while open", async () => {
    const { engine, server } = setUp();
    const pull = vi.spyOn(server.transport, "pull");
    await engine.start();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(pull).toHaveBeenCalledTimes(3);
    await engine.stop();
  });

  it("puts unsent writes back on the replica at start", async () => {
    const { engine, replica, outbox } = setUp({ isOnline: false });
    const id = newId();
    await outbox.add({
      id: newId(),
      table: "tickets",
      op: "upsert",
      row: { id, title: "Saved before a crash" },
      hlc: "2026-11-22T07:00:00.000Z-0000-test-device",
    });
    await engine.start();
    expect((await replica.get("tickets", id))?.title).toBe("Saved before a crash");
    await engine.stop();
  });

  it("applies on start the answers the service worker got while the app was closed", async () => {
    const { engine, replica, outbox } = setUp({ isOnline: false });
    const refusedId = newId();
    const mergedId = newId();
    await replica.put("tickets", { id: refusedId, title: "Refused while the app was closed" });
    await replica.put("tickets", { id: mergedId, title: "Mine", priority: "low" });
    const hlc = "2026-11-22T07:00:00.000Z-0000-test-device";
    outbox.kept = [
      {
        mutation: { id: newId(), table: "tickets", op: "upsert", row: { id: refusedId, title: "x" }, hlc },
        ack: { id: "m1", status: "rejected", reason: "Not allowed." },
      },
      {
        mutation: { id: newId(), table: "tickets", op: "upsert", row: { id: mergedId, title: "Mine" }, hlc },
        ack: { id: "m2", status: "merged", row: { id: mergedId, title: "Mine", priority: "urgent" } },
      },
    ];

    await engine.start();

    expect(await replica.get("tickets", refusedId)).toBeUndefined();
    expect(await replica.get("tickets", mergedId)).toMatchObject({ priority: "urgent" });
    expect(outbox.kept).toEqual([]);
    await engine.stop();
  });

  it("sends waiting photos before the writes that name them, and counts them as changes waiting", async () => {
    const order: string[] = [];
    let waitingPhotos = 1;
    const uploads: FileUploads = {
      flush: async () => {
        order.push("photos");
        waitingPhotos = 0;
      },
      countPending: async () => waitingPhotos,
    };
    const { engine, status, server, network } = setUp({ isOnline: false, uploads });
    const push = server.transport.push.bind(server.transport);
    server.transport.push = async (request) => {
      order.push("writes");
      return push(request);
    };
    await engine.start();
    await engine.write("attachments", "upsert", { id: newId(), ticket_id: newId(), file_url: "/api/files/ab" });
    expect(status.getSnapshot().pendingCount).toBe(2);

    network.set(true);
    await vi.advanceTimersByTimeAsync(0);

    expect(order.slice(0, 2)).toEqual(["photos", "writes"]);
    expect(status.getSnapshot().pendingCount).toBe(0);
    await engine.stop();
  });

  it("asks for Background Sync when a write is made with no network, and not when online", async () => {
    const offline = setUp({ isOnline: false });
    await offline.engine.start();
    await offline.engine.write("tickets", "upsert", { id: newId(), title: "In the basement" });
    expect(offline.requestBackgroundSync).toHaveBeenCalled();
    await offline.engine.stop();

    const online = setUp();
    await online.engine.start();
    await online.engine.write("tickets", "upsert", { id: newId(), title: "In the office" });
    expect(online.requestBackgroundSync).not.toHaveBeenCalled();
    await online.engine.stop();
  });

  it("tells the app when the server no longer knows the session, and keeps every write for after the login", async () => {
    const onSessionEnded = vi.fn();
    const { engine, server, outbox, status } = setUp({ onSessionEnded });
    await engine.start();
    await vi.advanceTimersByTimeAsync(0);
    server.fail(new SyncHttpError(401, "Sign in again."));
    await engine.write("tickets", "upsert", { id: newId(), title: "Written as the session expired" });
    await vi.advanceTimersByTimeAsync(1000);

    expect(onSessionEnded).toHaveBeenCalled();
    expect(await outbox.pending()).toHaveLength(1);
    expect(status.getSnapshot().lastError).toMatch(/session has ended/);
    await engine.stop();
  });
});
