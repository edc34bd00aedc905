import { filesCacheName, outboxDatabaseName } from "@worktrackr/service-worker";

/**
 * Deletes everything this device keeps for a user: their replicas (one IndexedDB database per
 * organisation, named by PGlite after replicaDataDir), their outbox, text edits and cached photos. Called on
 * sign-out, after the user was warned about changes that have not reached the server.
 */
export async function wipeDeviceData(userId: string): Promise<void> {
  const deletions: Promise<void>[] = [deleteDatabase(outboxDatabaseName(userId))];
  const databases = (await indexedDB.databases?.()) ?? [];
  for (const { name } of databases) {
    if (name?.includes(`worktrackr-${userId}-`)) deletions.push(deleteDatabase(name));
  }
  await Promise.all(deletions);
  // Text edits journaled until IndexedDB held them (data/yjs/update-journal.ts).
  for (const key of Object.keys(localStorage)) if (key.includes(`worktrackr-${userId}-`)) localStorage.removeItem(key);
  if ("caches" in globalThis) await caches.delete(filesCacheName);
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
    // Another tab still has it open: it is deleted when that tab lets go.
    request.onblocked = () => resolve();
  });
}
