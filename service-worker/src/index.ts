// What the page shares with the service worker: the device's queue of writes and photos, and how
// both send them. The worker's own entry point is sw.ts.
export type { QueuedFileRecord } from "./device/device-database.js";
export { outboxDatabaseName } from "./device/device-database.js";
export { type DeviceStore, openDeviceStore } from "./device/device-store.js";
export type { FileQueue } from "./device/file-queue.js";
export { outboxSyncTag } from "./device/flush-in-background.js";
export {
  httpTransport,
  SyncHttpError,
  SyncNetworkError,
  UpgradeRequiredError,
} from "./device/http-transport.js";
export { filesCacheName, fileUrl, uploadPendingFiles } from "./device/upload-files.js";
