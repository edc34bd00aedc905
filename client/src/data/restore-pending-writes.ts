import type { ReplicaStore, syncApi } from "@worktrackr/shared-schema";

/**
 * Puts the outbox's unacknowledged writes back on top of the replica. The replica flushes to
 * IndexedDB lazily (relaxed durability) and may be rebuilt empty after an app update; the outbox
 * is the durable record, so a write the user saw saved is on screen again after any reload.
 * put() is an upsert of the given fields, so re-applying a write that survived changes nothing.
 */
export async function restorePendingWrites(replica: ReplicaStore, pending: readonly syncApi.Mutation[]): Promise<void> {
  for (const mutation of pending) {
    const id = String(mutation.row.id);
    try {
      if (mutation.op === "delete") await replica.delete(mutation.table, id);
      else await replica.put(mutation.table, mutation.row);
    } catch (error) {
      // An edit of a few fields to a row the replica no longer holds cannot stand alone; the next
      // pull brings the row and SyncClient re-applies the edit on top of it.
      console.warn(`could not restore a pending ${mutation.table} write before the next pull`, error);
    }
  }
}
