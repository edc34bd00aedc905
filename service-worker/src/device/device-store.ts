import { type DeviceDatabase, openDeviceDatabase } from "./device-database.js";
import { FileQueue } from "./file-queue.js";
import { DexieOutbox } from "./outbox.js";

/** What a signed-in user has waiting on this device in one organisation: writes and photos. */
export interface DeviceStore {
  readonly outbox: DexieOutbox;
  readonly files: FileQueue;
  close(): void;
}

const clientIdFact = "clientId";

/**
 * Opens a user's waiting writes and photos for one organisation. The device id is written down
 * where the service worker can read it, so writes it sends carry the same id the page's do.
 */
export async function openDeviceStore(userId: string, organisationId: string, clientId: string): Promise<DeviceStore> {
  const db = openDeviceDatabase(userId);
  await db.facts.put({ key: clientIdFact, value: clientId });
  return {
    outbox: new DexieOutbox(db, organisationId),
    files: new FileQueue(db, organisationId),
    close: () => db.close(),
  };
}

/** The device id the page recorded, or undefined if no page has opened this user's store yet. */
export async function recordedClientId(db: DeviceDatabase): Promise<string | undefined> {
  return (await db.facts.get(clientIdFact))?.value;
}
