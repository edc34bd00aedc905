import { type DeviceStore, type FileQueue, openDeviceStore } from "@worktrackr/service-worker";
import { onBackgroundFlush } from "./background-sync.js";
import { deviceClientId } from "./client-id.js";
import { openReplica, type PgliteReplica, type ReplicaIdentity } from "./replica.js";
import { createBrowserSyncEngine, type SyncEngine } from "./sync-engine.js";
import { createSyncStatusStore, type SyncStatusStore } from "./sync-status.js";

/** A signed-in user's data on this device: the replica screens read, and the engine they write through. */
export interface DataLayer {
  readonly identity: ReplicaIdentity;
  readonly replica: PgliteReplica;
  readonly engine: SyncEngine;
  /** Photos taken on this device that have not reached the server yet. */
  readonly files: FileQueue;
  /** This layer's own status: one that stopped never writes into the next user's. */
  readonly status: SyncStatusStore;
  /** Stops syncing, then closes the replica and the outbox. */
  stop(): Promise<void>;
}

/**
 * Opens a user's replica and outbox for one organisation and starts syncing. This module and
 * everything under it (PGlite, Dexie) is loaded with a dynamic import after the first paint.
 */
export async function startDataLayer(
  identity: ReplicaIdentity,
  events: { readonly onDataChanged: () => void; readonly onSessionEnded: () => void },
): Promise<DataLayer> {
  const clientId = deviceClientId();
  const { replica, close } = await openReplica(identity);
  let store: DeviceStore;
  try {
    store = await openDeviceStore(identity.userId, identity.organisationId, clientId);
  } catch (error) {
    await close();
    throw error;
  }
  const status = createSyncStatusStore(navigator.onLine);
  const engine = createBrowserSyncEngine({ clientId, replica, store, status, ...events });
  const stopListening = onBackgroundFlush(() => void engine.backgroundFlushed());
  const stop = async () => {
    stopListening();
    await engine.stop();
    store.close();
    await close();
  };
  try {
    await engine.start();
  } catch (error) {
    // A half-started layer would keep a worker holding the replica: nothing may outlive a failure.
    await stop();
    throw error;
  }
  return { identity, replica, engine, files: store.files, status, stop };
}
