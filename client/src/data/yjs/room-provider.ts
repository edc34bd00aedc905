import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { backoffDelay } from "../backoff.js";
import type { Connectivity } from "../connectivity.js";
import type { UpdateJournal } from "./update-journal.js";
import type { YjsUpdateStore } from "./update-store.js";

/** y-websocket's message types; awareness (1) is not used here and is ignored. */
const messageSync = 0;
/** Stored updates merged into one after this many, so opening a document stays quick. */
const compactAfter = 50;

/** What the provider needs of a WebSocket: the browser's, or a fake in tests. */
export interface RoomSocket {
  binaryType: BinaryType;
  readonly readyState: number;
  send(data: Uint8Array<ArrayBuffer>): void;
  close(): void;
  addEventListener(type: "open" | "close" | "message", listener: (event: { data?: unknown }) => void): void;
}

/** An encoded message as a socket sends it (a copy on its own ArrayBuffer). */
const messageOf = (encoder: encoding.Encoder) => new Uint8Array(encoding.toUint8Array(encoder));

export interface RoomState {
  /** The device's stored updates are in the document. */
  readonly isLoaded: boolean;
  /**
   * The device holds this document: stored from an earlier visit, or synced with the room since
   * it was opened. Without one, the room's text is unknown here.
   */
  readonly hasLocalCopy: boolean;
  /** Connected, and the server's state has been merged in. */
  readonly isSynced: boolean;
}

export interface RoomProviderOptions {
  readonly doc: Y.Doc;
  readonly docName: string;
  readonly url: string;
  readonly store: YjsUpdateStore;
  /** Holds each edit synchronously until the store has it, so closing the app mid-typing loses nothing. */
  readonly journal?: UpdateJournal;
  readonly connectivity: Connectivity;
  readonly createSocket?: (url: string) => RoomSocket;
  readonly onState?: (state: RoomState) => void;
}

const fromStore = Symbol("stored on this device");
const isOpen = (socket: RoomSocket | null): socket is RoomSocket => socket?.readyState === 1;

/**
 * Keeps a Y.Doc in a server room (y-websocket's sync protocol) and on the device. Every update,
 * local or remote, is stored, so edits made offline survive a reload; on (re)connecting, the two
 * sides exchange state vectors and send each other only what the other lacks, which is how the
 * offline edits reach the room and merge.
 */
export class YjsRoomProvider {
  readonly #options: RoomProviderOptions;
  #state: RoomState = { isLoaded: false, hasLocalCopy: false, isSynced: false };
  #socket: RoomSocket | null = null;
  #failures = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #storing: Promise<void> = Promise.resolve();
  #storedSinceCompaction = 0;
  #isDestroyed = false;
  readonly #stopListening: () => void;

  constructor(options: RoomProviderOptions) {
    this.#options = options;
    options.doc.on("update", this.#onUpdate);
    this.#stopListening = options.connectivity.subscribe((isOnline) => {
      // Offline, the socket is dead even if the browser has not noticed: edits go to the store only.
      if (!isOnline) return this.#socket?.close();
      this.#failures = 0;
      this.#connect();
    });
  }

  get state(): RoomState {
    return this.#state;
  }

  /** Loads the stored updates, then connects when the device is online. */
  async start(): Promise<void> {
    const { doc, docName, store, journal } = this.#options;
    const stored = await store.load(docName);
    if (this.#isDestroyed) return;
    // Edits journaled but not stored when the app last closed: stored now, then dropped from the journal.
    const journaled = journal?.entries(docName) ?? [];
    for (const entry of journaled) {
      await store.append(docName, entry.update);
      journal?.remove(docName, entry.id);
    }
    const updates = [...stored, ...journaled.map((entry) => entry.update)];
    Y.transact(
      doc,
      () => {
        for (const update of updates) Y.applyUpdate(doc, update, fromStore);
      },
      fromStore,
    );
    this.#storedSinceCompaction = updates.length;
    this.#setState({ isLoaded: true, hasLocalCopy: updates.length > 0 });
    this.#connect();
  }

  /** Waits until every update so far is in the store. */
  flushed(): Promise<void> {
    return this.#storing;
  }

  destroy(): void {
    this.#isDestroyed = true;
    clearTimeout(this.#retryTimer);
    this.#stopListening();
    this.#options.doc.off("update", this.#onUpdate);
    const socket = this.#socket;
    this.#socket = null;
    socket?.close();
  }

  #setState(patch: Partial<RoomState>): void {
    this.#state = { ...this.#state, ...patch };
    this.#options.onState?.(this.#state);
  }

  readonly #onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === fromStore) return;
    this.#store(update, this.#options.journal?.add(this.#options.docName, update) ?? null);
    // The room sent it: it already has it.
    if (origin === this || !isOpen(this.#socket)) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeUpdate(encoder, update);
    this.#socket.send(messageOf(encoder));
  };

  #store(update: Uint8Array, journalId: string | null): void {
    const { store, docName, journal } = this.#options;
    this.#storing = this.#storing
      .then(async () => {
        await store.append(docName, update);
        if (journalId) journal?.remove(docName, journalId);
        this.#storedSinceCompaction += 1;
        if (this.#storedSinceCompaction < compactAfter) return;
        const stored = await store.load(docName);
        await store.compact(docName, stored.length, Y.mergeUpdates(stored));
        this.#storedSinceCompaction = 1;
      })
      .catch((error: unknown) => console.error("a text edit could not be stored on this device", error));
  }

  #connect(): void {
    const { connectivity, url, doc } = this.#options;
    clearTimeout(this.#retryTimer);
    if (this.#isDestroyed || this.#socket || !this.#state.isLoaded || !connectivity.isOnline()) return;
    const socket = (this.#options.createSocket ?? ((u: string) => new WebSocket(u)))(url);
    this.#socket = socket;
    socket.binaryType = "arraybuffer";
    socket.addEventListener("open", () => {
      if (this.#socket !== socket) return;
      this.#failures = 0;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageSync);
      syncProtocol.writeSyncStep1(encoder, doc);
      socket.send(messageOf(encoder));
    });
    socket.addEventListener("message", (event) => {
      if (this.#socket !== socket || !(event.data instanceof ArrayBuffer)) return;
      this.#onMessage(socket, new Uint8Array(event.data));
    });
    socket.addEventListener("close", () => {
      if (this.#socket !== socket) return;
      this.#socket = null;
      this.#setState({ isSynced: false });
      if (this.#isDestroyed || !connectivity.isOnline()) return;
      this.#failures += 1;
      this.#retryTimer = setTimeout(() => this.#connect(), backoffDelay(this.#failures));
    });
  }

  #onMessage(socket: RoomSocket, message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== messageSync) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    const type = syncProtocol.readSyncMessage(decoder, encoder, this.#options.doc, this);
    // The server's step 1 asks for what it lacks: the reply carries this device's offline edits.
    if (encoding.length(encoder) > 1) socket.send(messageOf(encoder));
    if (type === syncProtocol.messageYjsSyncStep2 && !this.#state.isSynced) {
      this.#setState({ isSynced: true, hasLocalCopy: true });
    }
  }
}
