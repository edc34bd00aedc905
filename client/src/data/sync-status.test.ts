import { describe, expect, it } from "vitest";
import { createSyncStatusStore, describeSyncStatus, type SyncStatus } from "./sync-status.js";

const at = (change: Partial<SyncStatus>): SyncStatus => ({ ...createSyncStatusStore(true).getSnapshot(), ...change });
const time = () => "14:05";

describe("describeSyncStatus", () => {
  it("says Offline, with what is waiting", () => {
    expect(describeSyncStatus(at({ isOnline: false }), time)).toBe("Offline");
    expect(describeSyncStatus(at({ isOnline: false, isStarted: true, pendingCount: 1 }), time)).toBe(
      "Offline · 1 change waiting",
    );
  });

  it("says how many changes are waiting", () => {
    expect(describeSyncStatus(at({ isStarted: true, pendingCount: 3, lastSyncedAt: 1 }), time)).toBe(
      "3 changes waiting",
    );
  });

  it("says all changes are synced, with the time, only after a sync", () => {
    expect(describeSyncStatus(at({ isStarted: true, isSyncing: true }), time)).toBe("Syncing…");
    expect(describeSyncStatus(at({ isStarted: true, lastSyncedAt: 1 }), time)).toBe("All changes synced at 14:05");
  });

  it("says only Online when nobody is signed in", () => {
    expect(describeSyncStatus(at({}), time)).toBe("Online");
  });
});

describe("createSyncStatusStore", () => {
  it("notifies only when something changed", () => {
    const store = createSyncStatusStore(true);
    let calls = 0;
    store.subscribe(() => {
      calls += 1;
    });
    const before = store.getSnapshot();
    store.update({ pendingCount: 0 });
    expect(store.getSnapshot()).toBe(before);
    store.update({ pendingCount: 2 });
    expect(calls).toBe(1);
    expect(store.getSnapshot().pendingCount).toBe(2);
  });
});
