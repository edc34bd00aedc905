import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { afterEach, describe, expect, it } from "vitest";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { switchableConnectivity } from "../connectivity.js";
import { type RoomSocket, YjsRoomProvider } from "./room-provider.js";
import { applyTextEdit } from "./text-diff.js";
import { UpdateJournal } from "./update-journal.js";
import { MemoryUpdateStore, type YjsUpdateStore } from "./update-store.js";

const docName = "tickets:0b6c1a52-5d7e-4a36-9a55-4a7f3c2f0001:description";

/** A socket whose other end is a FakeRoom; messages cross on the next microtask, like a network. */
class FakeSocket implements RoomSocket {
  binaryType: BinaryType = "blob";
  readyState = 0;
  readonly #listeners = new Map<string, ((event: { data: unknown }) => void)[]>();

  constructor(private readonly room: FakeRoom) {
    queueMicrotask(() => (room.isReachable ? room.join(this) : this.close()));
  }

  addEventListener(type: string, listener: (event: { data: unknown }) => void): void {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
  }

  emit(type: string, data?: Uint8Array): void {
    for (const listener of this.#listeners.get(type) ?? []) listener({ data: data?.slice().buffer });
  }

  open(): void {
    this.readyState = 1;
    this.emit("open");
  }

  send(data: Uint8Array<ArrayBuffer>): void {
    const copy = data.slice();
    queueMicrotask(() => this.room.receive(this, copy));
  }

  close(): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.room.leave(this);
    this.emit("close");
  }
}

/** The server's side of a room, speaking the same sync protocol as sync-server's YjsRooms. */
class FakeRoom {
  readonly doc = new Y.Doc();
  readonly sockets = new Set<FakeSocket>();
  isReachable = true;

  constructor() {
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeUpdate(encoder, update);
      for (const socket of this.sockets) if (socket !== origin) this.#deliver(socket, encoding.toUint8Array(encoder));
    });
  }

  join(socket: FakeSocket): void {
    this.sockets.add(socket);
    socket.open();
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.#deliver(socket, encoding.toUint8Array(encoder));
  }

  receive(socket: FakeSocket, message: Uint8Array): void {
    if (!this.sockets.has(socket)) return;
    const decoder = decoding.createDecoder(message);
    decoding.readVarUint(decoder);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.readSyncMessage(decoder, encoder, this.doc, socket);
    if (encoding.length(encoder) > 1) this.#deliver(socket, encoding.toUint8Array(encoder));
  }

  leave(socket: FakeSocket): void {
    this.sockets.delete(socket);
  }

  dropEveryone(): void {
    this.isReachable = false;
    for (const socket of [...this.sockets]) socket.close();
  }

  #deliver(socket: FakeSocket, message: Uint8Array): void {
    queueMicrotask(() => {
      if (this.sockets.has(socket)) socket.emit("message", message);
    });
  }

  text(): string {
    return this.doc.getText("content").toString();
  }
}

/** Lets every message in flight (microtasks) and store write land. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const providers: YjsRoomProvider[] = [];
afterEach(() => {
  for (const provider of providers.splice(0)) provider.destroy();
});

async function openDevice(
  room: FakeRoom,
  options: { isOnline: boolean; store?: YjsUpdateStore; journal?: UpdateJournal },
) {
  const doc = new Y.Doc();
  const network = switchableConnectivity(options.isOnline);
  const store = options.store ?? new MemoryUpdateStore();
  const provider = new YjsRoomProvider({
    doc,
    docName,
    url: "ws://test/yjs",
    store,
    ...(options.journal ? { journal: options.journal } : {}),
    connectivity: network.connectivity,
    createSocket: () => new FakeSocket(room),
  });
  providers.push(provider);
  await provider.start();
  await settle();
  const text = doc.getText("content");
  return {
    provider,
    network,
    store,
    text: () => text.toString(),
    type: (after: string) => applyTextEdit(text, after, "typing"),
  };
}

describe("YjsRoomProvider", () => {
  it("shows the room's text once synced, and edits reach other devices live", async () => {
    const room = new FakeRoom();
    room.doc.getText("content").insert(0, "Pressure low");
    const a = await openDevice(room, { isOnline: true });
    const b = await openDevice(room, { isOnline: true });
    expect(a.provider.state.isSynced).toBe(true);
    expect(a.text()).toBe("Pressure low");

    a.type("Pressure very low");
    await settle();
    expect(b.text()).toBe("Pressure very low");
    expect(room.text()).toBe("Pressure very low");
  });

  it("converges when two devices edit the same text while cut off from the room", async () => {
    const room = new FakeRoom();
    room.doc.getText("content").insert(0, "Check the vessel");
    const a = await openDevice(room, { isOnline: true });
    const b = await openDevice(room, { isOnline: true });

    room.dropEveryone();
    expect(a.provider.state).toMatchObject({ isSynced: false, hasLocalCopy: true });
    a.network.set(false);
    b.network.set(false);
    a.type("Check the expansion vessel");
    b.type("Check the vessel today");
    await settle();
    expect(room.text()).toBe("Check the vessel");

    room.isReachable = true;
    a.network.set(true);
    b.network.set(true);
    await settle();
    await settle();
    expect(room.text()).toBe("Check the expansion vessel today");
    expect(a.text()).toBe(room.text());
    expect(b.text()).toBe(room.text());
  });

  it("keeps offline edits on the device across a reload and sends them when the room is reached", async () => {
    const room = new FakeRoom();
    room.doc.getText("content").insert(0, "Drain slow");
    const first = await openDevice(room, { isOnline: true });
    expect(first.provider.state.hasLocalCopy).toBe(true);
    first.network.set(false);
    first.type("Drain slow; rodded, now clear");
    await first.provider.flushed();
    first.provider.destroy();

    const reopened = await openDevice(room, { isOnline: false, store: first.store });
    expect(reopened.provider.state.hasLocalCopy).toBe(true);
    expect(reopened.text()).toBe("Drain slow; rodded, now clear");
    expect(room.text()).toBe("Drain slow");

    reopened.network.set(true);
    await settle();
    expect(room.text()).toBe("Drain slow; rodded, now clear");
  });

  it("merges a long history of stored edits into one without losing text", async () => {
    const room = new FakeRoom();
    const device = await openDevice(room, { isOnline: false });
    let typed = "";
    for (let i = 0; i < 120; i++) {
      typed += String(i % 10);
      device.type(typed);
    }
    await device.provider.flushed();
    const stored = await device.store.load(docName);
    expect(stored.length).toBeLessThan(60);
    const replay = new Y.Doc();
    for (const update of stored) Y.applyUpdate(replay, update);
    expect(replay.getText("content").toString()).toBe(typed);
  });

  it("keeps what was typed just before the app closed, while IndexedDB had not stored it yet", async () => {
    const room = new FakeRoom();
    const saved = new Map<string, string>();
    const storage = {
      getItem: (key: string) => saved.get(key) ?? null,
      setItem: (key: string, value: string) => void saved.set(key, value),
      removeItem: (key: string) => void saved.delete(key),
    };
    // The app closes with every IndexedDB write still in flight: none of them ever lands.
    const closing: YjsUpdateStore = {
      load: async () => [],
      append: () => new Promise(() => {}),
      compact: async () => {},
    };
    const before = await openDevice(room, {
      isOnline: false,
      store: closing,
      journal: new UpdateJournal(storage, "j:"),
    });
    before.type("Downpipe cracked");
    before.provider.destroy();

    const store = new MemoryUpdateStore();
    const journal = new UpdateJournal(storage, "j:");
    const after = await openDevice(room, { isOnline: false, store, journal });
    expect(after.text()).toBe("Downpipe cracked");
    // Moved into the store, so the journal stays small.
    expect(journal.entries(docName)).toEqual([]);
    expect(await store.load(docName)).not.toEqual([]);
  });
});
