import { DexieOutbox } from "./outbox.js";
import { openReplica, type PgliteReplica, type ReplicaIdentity } from "./replica.js";
import { createBrowserSyncEngine, type SyncEngine } from "./sync-engine.js";
import { createSyncStatusStore, type SyncStatusStore } from "./sync-status.js";

/** A signed-in user's data on this device: the replica screens read, and the engine they write through. */
export interface DataLayer {
  readonly identity: ReplicaIdentity;
  readonly replica: PgliteReplica;
  readonly engine: SyncEngine;
  /** This layer's own status: one that stopped never writes into the next user's. */
  readonly status: SyncStatusStore;
  /** Stops syncing, then closes the replica and the outbox. */
  stop(): Promise<void>;
}

/**
 * Opens a user's replica and outbox for one organisation and starts syncing. This module and
 * everything under it (PGlite, Dexie) is loaded with a dynamic import after the first paint.
 */
export async function startDataLayer(identity: ReplicaIdentity, onDataChanged: () => void): Promise<DataLayer> {
  const { replica, close } = await openReplica(identity);
  const outbox = new DexieOutbox(identity.userId, identity.organisationId);
  const status = createSyncStatusStore(navigator.onLine);
  const engine = createBrowserSyncEngine({ replica, outbox, status, onDataChanged });
  try {
    await engine.start();
  } catch (error) {
    // A half-started layer would keep a worker holding the replica: nothing may outlive a failure.
    await engine.stop();
    outbox.close();
    await close();
    throw error;
  }
  return {
    identity,
    replica,
    engine,
    status,
    async stop() {
      await engine.stop();
      outbox.close();
      await close();
    },
  };
}
