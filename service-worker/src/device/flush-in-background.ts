import { authApi, pairAcks, pushPending } from "@worktrackr/shared-schema";
import { openDeviceDatabase } from "./device-database.js";
import { recordedClientId } from "./device-store.js";
import { FileQueue } from "./file-queue.js";
import { httpTransport, sendToServer } from "./http-transport.js";
import { DexieOutbox } from "./outbox.js";
import { filesCacheName, uploadPendingFiles } from "./upload-files.js";

/** The Background Sync tag the page registers when writes are waiting and the network is not. */
export const outboxSyncTag = "worktrackr-outbox";

export interface BackgroundFlushResult {
  readonly uploadedFiles: number;
  readonly pushedWrites: number;
}

/**
 * Sends the signed-in user's waiting photos and writes with no page open (Background Sync). Only
 * the session's own user and organisation are flushed: a push lands in the session's organisation,
 * so another account's queue on this device must wait for its owner. The server's answers are kept
 * for the replica, which applies them the next time the app opens. Throws when the network or the
 * server fails, so the browser tries again later.
 */
export async function flushInBackground(): Promise<BackgroundFlushResult> {
  const session = authApi.ZSessionInfo.parse(await sendToServer("/api/auth/session", { method: "GET" }));
  const organisationId = session.organisation?.id;
  if (!organisationId) return { uploadedFiles: 0, pushedWrites: 0 };

  const db = openDeviceDatabase(session.user.id);
  try {
    const clientId = await recordedClientId(db);
    if (!clientId) return { uploadedFiles: 0, pushedWrites: 0 };
    const cache = "caches" in globalThis ? await caches.open(filesCacheName) : undefined;
    const uploadedFiles = await uploadPendingFiles(new FileQueue(db, organisationId), cache);

    const outbox = new DexieOutbox(db, organisationId);
    const pushedWrites = await pushPending(outbox, httpTransport, clientId, (batch, response) =>
      // One transaction, so the page never sees a write gone from the queue but its answer not kept.
      db.transaction("rw", db.entries, db.unappliedAcks, async () => {
        await outbox.settle(response.acks);
        await outbox.keepUnappliedAcks(pairAcks(batch, response.acks));
      }),
    );
    return { uploadedFiles, pushedWrites };
  } finally {
    db.close();
  }
}
