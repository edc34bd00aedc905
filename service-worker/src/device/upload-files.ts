import type { FileQueue } from "./file-queue.js";
import { SyncHttpError, sendToServer } from "./http-transport.js";

/** The Cache Storage cache photos are kept in, for showing them with no signal. */
export const filesCacheName = "worktrackr-files";

/** Where the server keeps a file: its address is its content hash. */
export const fileUrl = (sha256: string) => `/api/files/${sha256}`;

/** Statuses where sending the same bytes again can never succeed: the file is refused for good. */
const isRefusedForGood = (status: number) => status === 400 || status === 413 || status === 415 || status === 422;

/**
 * Sends the queued files to the server, oldest first, and stops at the first that cannot go now
 * (no signal, session ended, server trouble), throwing that error so the caller backs off. A file
 * that is uploaded is put in the photo cache, so it still shows offline, then leaves the queue.
 */
export async function uploadPendingFiles(queue: FileQueue, cache?: Cache): Promise<number> {
  let uploaded = 0;
  for (const file of await queue.pending()) {
    const url = fileUrl(file.sha256);
    try {
      await sendToServer(url, { method: "PUT", headers: { "content-type": file.mimeType }, body: file.blob });
    } catch (error) {
      if (error instanceof SyncHttpError && isRefusedForGood(error.status)) {
        await queue.rejected(file.sha256, error.message);
        continue;
      }
      throw error;
    }
    await cache?.put(
      new Request(new URL(url, globalThis.location.href)),
      new Response(file.blob, { headers: { "content-type": file.mimeType, "content-length": String(file.sizeBytes) } }),
    );
    await queue.uploaded(file.sha256);
    uploaded += 1;
  }
  return uploaded;
}
