import {
  type DeviceStore,
  filesCacheName,
  httpTransport,
  SyncHttpError,
  SyncNetworkError,
  UpgradeRequiredError,
  uploadPendingFiles,
} from "@worktrackr/service-worker";
import {
  type AckedMutation,
  type OutboxEntry,
  type OutboxStore,
  type ReplicaStore,
  SyncClient,
  type SyncTransport,
  type TableName,
} from "@worktrackr/shared-schema";
import { requestBackgroundSync } from "./background-sync.js";
import { backoffDelay } from "./backoff.js";
import { browserConnectivity, type Connectivity } from "./connectivity.js";
import { connectLive, type LiveConnection, liveSocketUrl } from "./live-socket.js";
import type { SyncStatusStore } from "./sync-status.js";

/** The outbox, with the counts the status line shows. */
export interface CountingOutbox extends OutboxStore {
  countPending(): Promise<number>;
  countRejected(): Promise<number>;
  /** Server answers to writes the service worker sent while the app was closed. */
  unappliedAcks(): Promise<{ acked: AckedMutation[]; forget: () => Promise<void> }>;
}

/** Photos waiting to go up; they are sent before the writes that name them. */
export interface FileUploads {
  flush(): Promise<unknown>;
  countPending(): Promise<number>;
}

export interface SyncEngineOptions {
  readonly clientId: string;
  readonly replica: ReplicaStore;
  readonly outbox: CountingOutbox;
  readonly uploads?: FileUploads;
  readonly transport: SyncTransport;
  readonly status: SyncStatusStore;
  readonly connectivity: Connectivity;
  /** Opens the live poke socket; each poke carries the tenant's version. */
  readonly connectLive: (onPoke: (version: number) => void) => LiveConnection;
  /** Replica rows changed (a local write, a push's acks, a pull): screens re-query. */
  readonly onDataChanged: () => void;
  readonly newId?: () => string;
  /** How often to sync while the app is open, as a net under the live socket. */
  readonly periodMs?: number;
  /** Writes in quick succession (a form's fields) go out in one push. */
  readonly writeDebounceMs?: number;
  /** The server no longer knows the session (expired, revoked): the app asks for a login; the outbox stays. */
  readonly onSessionEnded?: () => void;
  /** Asks the browser to send the queue when the network returns, even if the app is closed by then. */
  readonly requestBackgroundSync?: () => void;
}

type Trigger = "start" | "online" | "poke" | "timer" | "write" | "retry" | "manual";

/** Triggers that come from the person or the network coming back: they skip the failure backoff. */
const isUrgent = (trigger: Trigger) => trigger === "manual" || trigger === "online" || trigger === "retry";

function describeFailure(error: unknown): string {
  if (error instanceof UpgradeRequiredError) return error.message;
  if (error instanceof SyncNetworkError) return "WorkTrackr cannot be reached. Your changes are kept; retrying.";
  if (error instanceof SyncHttpError && error.status === 401)
    return "Your session has ended. Sign in again to sync; your changes are kept on this device.";
  if (error instanceof SyncHttpError) return `Sync failed: ${error.message}`;
  return "Sync failed. Your changes are kept; retrying.";
}

/**
 * The browser's sync engine around the shared SyncClient: decides when to sync (on start, when
 * the network returns, on a live poke, every 30 s while open, shortly after each local write),
 * backs off after failures, and keeps the status line's numbers current.
 */
export class SyncEngine {
  readonly client: SyncClient;
  readonly #options: SyncEngineOptions;
  #live: LiveConnection | undefined;
  #stopListening: (() => void) | undefined;
  #periodTimer: ReturnType<typeof setInterval> | undefined;
  #writeTimer: ReturnType<typeof setTimeout> | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #failures = 0;
  #retryAt = 0;
  /** The newest tenant version the replica has pulled; pokes at or below it need no pull. */
  #knownVersion = 0;
  #running: Promise<void> | undefined;
  #isRerunWanted = false;
  #isStopped = false;

  constructor(options: SyncEngineOptions) {
    this.#options = options;
    this.client = new SyncClient({
      clientId: options.clientId,
      transport: options.transport,
      replica: options.replica,
      outbox: options.outbox,
      newId: options.newId ?? (() => crypto.randomUUID()),
    });
  }

  /** Restores unsent writes onto the replica, then starts every trigger and a first sync. */
  async start(): Promise<void> {
    const { replica, connectivity, status } = this.#options;
    await this.client.restorePending();
    await this.#takeBackgroundAcks();
    this.#knownVersion = await replica.getCursor();
    await this.#refreshCounts();
    if (this.#isStopped) return;
    status.update({ isStarted: true });
    this.#options.onDataChanged();

    status.update({ isOnline: connectivity.isOnline() });
    this.#stopListening = connectivity.subscribe((isOnline) => {
      status.update({ isOnline });
      if (!isOnline) return;
      // The network is back: whatever failed before may work now.
      this.#failures = 0;
      this.#retryAt = 0;
      this.#live?.reconnectNow();
      void this.#request("online");
    });
    this.#live = this.#options.connectLive((version) => {
      if (version > this.#knownVersion) void this.#request("poke");
    });
    this.#periodTimer = setInterval(() => void this.#request("timer"), this.#options.periodMs ?? 30_000);
    void this.#request("start");
  }

  /** Records a change: on screen (the replica) at once, queued in the outbox, pushed shortly. */
  async write(table: TableName, op: "upsert" | "delete", row: Record<string, unknown> & { id: string }) {
    const mutation = await this.client.write(table, op, row);
    this.#options.onDataChanged();
    if (!this.#options.connectivity.isOnline()) this.#options.requestBackgroundSync?.();
    await this.#refreshCounts();
    clearTimeout(this.#writeTimer);
    this.#writeTimer = setTimeout(() => void this.#request("write"), this.#options.writeDebounceMs ?? 300);
    return mutation;
  }

  /** A photo was queued: it counts as a change waiting, and goes up with the next sync. */
  async fileQueued(): Promise<void> {
    await this.#refreshCounts();
    if (!this.#options.connectivity.isOnline()) this.#options.requestBackgroundSync?.();
    void this.#request("write");
  }

  /** The service worker sent writes while this page was open: take its answers, then pull. */
  async backgroundFlushed(): Promise<void> {
    await this.#takeBackgroundAcks();
    this.#options.onDataChanged();
    await this.#refreshCounts();
    await this.#request("poke");
  }

  async #takeBackgroundAcks(): Promise<void> {
    const { acked, forget } = await this.#options.outbox.unappliedAcks();
    if (acked.length === 0) return;
    await this.client.applyAcks(acked);
    await forget();
  }

  /** "Sync now": runs at once, whatever the backoff says. */
  syncNow(): Promise<void> {
    return this.#request("manual");
  }

  /** Ids of a table's rows with writes still waiting in the outbox: shown as not yet synced. */
  async pendingRowIds(table: TableName): Promise<Set<string>> {
    const pending = await this.#options.outbox.pending();
    return new Set(pending.filter((m) => m.table === table).map((m) => String(m.row.id)));
  }

  rejectedChanges(): Promise<OutboxEntry[]> {
    return this.#options.outbox.rejected();
  }

  /** The user has seen why a write was refused. */
  async dismissRejected(mutationId: string): Promise<void> {
    await this.#options.outbox.dismiss(mutationId);
    await this.#refreshCounts();
  }

  /** Stops every trigger and waits for a sync in flight, so the replica can be closed after. */
  async stop(): Promise<void> {
    this.#isStopped = true;
    this.#stopTriggers({ isStopping: true });
    await this.#running;
  }

  /** Stops what starts syncs; the status keeps following the network unless the engine stops. */
  #stopTriggers({ isStopping }: { isStopping: boolean }): void {
    if (isStopping) {
      this.#stopListening?.();
      this.#stopListening = undefined;
    }
    this.#live?.close();
    this.#live = undefined;
    clearInterval(this.#periodTimer);
    clearTimeout(this.#writeTimer);
    clearTimeout(this.#retryTimer);
  }

  #request(trigger: Trigger): Promise<void> {
    const { connectivity, status } = this.#options;
    if (this.#isStopped || status.getSnapshot().isUpdateRequired || !connectivity.isOnline()) return Promise.resolve();
    if (!isUrgent(trigger) && Date.now() < this.#retryAt) return Promise.resolve();
    if (this.#running !== undefined) {
      // A write or poke during a run may have missed it: one more run after this one.
      this.#isRerunWanted = true;
      return this.#running;
    }
    this.#running = this.#runUntilSettled()
      // Sync failures are handled inside; this is the bookkeeping failing (the outbox closed under it).
      .catch((error: unknown) => console.error("the sync engine failed", error))
      .finally(() => {
        this.#running = undefined;
      });
    return this.#running;
  }

  async #runUntilSettled(): Promise<void> {
    const { status, replica, onDataChanged } = this.#options;
    do {
      this.#isRerunWanted = false;
      status.update({ isSyncing: true });
      try {
        await this.#options.uploads?.flush();
        const result = await this.client.sync();
        this.#failures = 0;
        this.#retryAt = 0;
        clearTimeout(this.#retryTimer);
        this.#knownVersion = await replica.getCursor();
        status.update({ lastSyncedAt: Date.now(), lastError: null });
        if (result.pushed + result.pulled > 0) onDataChanged();
      } catch (error) {
        this.#onFailure(error);
        // A push may have settled some acks before failing.
        onDataChanged();
        this.#isRerunWanted = false;
      } finally {
        await this.#refreshCounts();
        status.update({ isSyncing: false });
      }
    } while (this.#isRerunWanted && !this.#isStopped);
  }

  #onFailure(error: unknown): void {
    const { status, connectivity } = this.#options;
    status.update({ lastError: describeFailure(error) });
    if (error instanceof UpgradeRequiredError) {
      // Nothing will sync until the app updates: stop knocking. Writes still queue in the outbox.
      status.update({ isUpdateRequired: true });
      this.#stopTriggers({ isStopping: false });
      return;
    }
    if (!(error instanceof SyncNetworkError || error instanceof SyncHttpError)) console.error("sync failed", error);
    if (error instanceof SyncNetworkError) this.#options.requestBackgroundSync?.();
    if (error instanceof SyncHttpError && error.status === 401) this.#options.onSessionEnded?.();
    // Offline: the online event restarts syncing, no timer needed.
    if (!connectivity.isOnline()) return;
    this.#failures += 1;
    const delay = backoffDelay(this.#failures);
    this.#retryAt = Date.now() + delay;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => void this.#request("retry"), delay);
  }

  async #refreshCounts(): Promise<void> {
    const { outbox, status } = this.#options;
    const [writes, files, rejectedCount] = await Promise.all([
      outbox.countPending(),
      this.#options.uploads?.countPending() ?? 0,
      outbox.countRejected(),
    ]);
    status.update({ pendingCount: writes + files, rejectedCount });
  }
}

/** The engine as the app runs it: HTTP push and pull, photo uploads, the live socket, the window's online events, Background Sync. */
export function createBrowserSyncEngine(options: {
  readonly clientId: string;
  readonly replica: ReplicaStore;
  readonly store: DeviceStore;
  readonly status: SyncStatusStore;
  readonly onDataChanged: () => void;
  readonly onSessionEnded: () => void;
}): SyncEngine {
  const { store, ...rest } = options;
  return new SyncEngine({
    ...rest,
    outbox: store.outbox,
    uploads: {
      flush: async () =>
        uploadPendingFiles(store.files, "caches" in globalThis ? await caches.open(filesCacheName) : undefined),
      countPending: () => store.files.countPending(),
    },
    transport: httpTransport,
    connectivity: browserConnectivity,
    connectLive: (onPoke) =>
      connectLive({ url: liveSocketUrl(window.location), onPoke, isOnline: browserConnectivity.isOnline }),
    requestBackgroundSync,
  });
}
