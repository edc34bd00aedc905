import type { PgliteReplica } from "../replica.js";

/** A photo on a ticket, as the ticket's page shows it. */
export interface TicketPhoto {
  readonly id: string;
  readonly file_url: string;
  readonly filename: string;
  readonly content_sha256: string | null;
  readonly created_at: string | null;
}

/** A ticket's photos on this device, oldest first (the order they were taken). */
export function listTicketPhotos(replica: PgliteReplica, ticketId: string): Promise<TicketPhoto[]> {
  return replica.query<TicketPhoto>(
    `select id, file_url, filename, content_sha256, created_at
       from attachments
      where ticket_id = $1 and (mime_type is null or mime_type like 'image/%')
      order by created_at nulls last, id`,
    [ticketId],
  );
}
