import type { QueuedFileRecord } from "@worktrackr/service-worker";
import type { DataLayer } from "../data-layer.js";

/** A photo on a ticket, as the ticket's page shows it. */
export interface TicketPhoto {
  readonly id: string;
  readonly file_url: string;
  readonly filename: string;
  readonly content_sha256: string | null;
  readonly created_at: string | null;
  /** Its bytes on this device while they wait to go up (or were refused); null once the server has them. */
  readonly queued: QueuedFileRecord | null;
}

/**
 * A ticket's photos on this device, oldest first (the order they were taken), each with its
 * waiting bytes if any: one replica query and one read of the upload queue for them all.
 */
export async function listTicketPhotos(layer: DataLayer, ticketId: string): Promise<TicketPhoto[]> {
  const rows = await layer.replica.query<Omit<TicketPhoto, "queued">>(
    `select id, file_url, filename, content_sha256, created_at
       from attachments
      where ticket_id = $1 and (mime_type is null or mime_type like 'image/%')
      order by created_at nulls last, id`,
    [ticketId],
  );
  const queued = await layer.files.getMany(rows.map((row) => row.content_sha256 ?? ""));
  return rows.map((row, i) => ({ ...row, queued: queued[i] ?? null }));
}
