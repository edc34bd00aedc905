import { fileUrl } from "@worktrackr/service-worker";
import { tables } from "@worktrackr/shared-schema";
import type { DataLayer } from "../data-layer.js";
import { preparePhoto } from "./prepare-photo.js";

/**
 * Adds a photo to a ticket on this device: resized, its bytes queued for upload, and the
 * attachment written to the replica and the outbox. The bytes are queued first, so an attachment
 * never names a photo the device does not hold. Works the same with no signal.
 */
export async function addPhotoToTicket(layer: DataLayer, ticketId: string, file: File): Promise<string> {
  const photo = await preparePhoto(file);
  await layer.files.add({ sha256: photo.sha256, blob: photo.blob, mimeType: photo.mimeType, filename: photo.filename });
  const id = crypto.randomUUID();
  const row = tables.attachments.insert.parse({
    id,
    ticket_id: ticketId,
    file_url: fileUrl(photo.sha256),
    filename: photo.filename.slice(0, 255),
    mime_type: photo.mimeType,
    size_bytes: photo.blob.size,
    content_sha256: photo.sha256,
  });
  await layer.engine.write("attachments", "upsert", { ...row, id });
  await layer.engine.fileQueued();
  return id;
}
