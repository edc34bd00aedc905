/** Whether the browser promised to keep this site's data when the device runs short of space. */
export type StoragePersistence = "persisted" | "refused" | "unsupported";

/**
 * Asks for persistent storage, once per page: without it a browser may evict the replica and the
 * outbox under storage pressure, and with them writes that never reached the server. Chromium
 * grants it without a prompt to installed apps and sites people use often; Firefox asks.
 */
export async function askForPersistentStorage(storage: StorageManager | undefined): Promise<StoragePersistence> {
  if (!storage?.persist) return "unsupported";
  if (await storage.persisted()) return "persisted";
  return (await storage.persist()) ? "persisted" : "refused";
}
