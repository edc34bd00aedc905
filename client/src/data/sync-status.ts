/** What the always-visible sync status shows. */
export interface SyncStatus {
  readonly isOnline: boolean;
  /** A user's data layer is running (signed in, replica open). */
  readonly isStarted: boolean;
  readonly isSyncing: boolean;
  /** Writes in the outbox the server has not acknowledged yet. */
  readonly pendingCount: number;
  /** Writes the server refused, kept until the user dismisses them. */
  readonly rejectedCount: number;
  /** When a push and pull last completed (ms since the epoch); null before the first. */
  readonly lastSyncedAt: number | null;
  /** Why the last sync failed, for people; null after a success. */
  readonly lastError: string | null;
  /** The server refused this build's protocol (426): syncing waits for an update. */
  readonly isUpdateRequired: boolean;
}

export interface SyncStatusStore {
  getSnapshot(): SyncStatus;
  subscribe(onChange: () => void): () => void;
  update(change: Partial<SyncStatus>): void;
  reset(): void;
}

const initialStatus = (isOnline: boolean): SyncStatus => ({
  isOnline,
  isStarted: false,
  isSyncing: false,
  pendingCount: 0,
  rejectedCount: 0,
  lastSyncedAt: null,
  lastError: null,
  isUpdateRequired: false,
});

/** A small external store for useSyncExternalStore: a new snapshot object only when something changed. */
export function createSyncStatusStore(isOnline: boolean): SyncStatusStore {
  let status = initialStatus(isOnline);
  const listeners = new Set<() => void>();
  const publish = (next: SyncStatus) => {
    status = next;
    for (const listener of listeners) listener();
  };
  return {
    getSnapshot: () => status,
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    update(change) {
      const keys = Object.keys(change) as (keyof SyncStatus)[];
      if (keys.every((key) => status[key] === change[key])) return;
      publish({ ...status, ...change });
    },
    reset() {
      publish(initialStatus(status.isOnline));
    },
  };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The status line: "Offline", "N changes waiting" or "All changes synced at 14:05". */
export function describeSyncStatus(status: SyncStatus, formatTime: (at: number) => string): string {
  const waiting = status.pendingCount > 0 ? plural(status.pendingCount, "change waiting", "changes waiting") : null;
  if (!status.isOnline) return waiting ? `Offline · ${waiting}` : "Offline";
  if (!status.isStarted) return "Online";
  if (status.isUpdateRequired) return waiting ? `Update needed · ${waiting}` : "Update needed";
  if (waiting) return waiting;
  if (status.lastSyncedAt === null) return status.isSyncing ? "Syncing…" : "Not synced yet";
  return `All changes synced at ${formatTime(status.lastSyncedAt)}`;
}
