import { tables } from "@worktrackr/shared-schema";
import type { DataLayer } from "../data-layer.js";
import type { PgliteReplica } from "../replica.js";

export interface TicketComment {
  readonly id: string;
  readonly body: string;
  /** Null on a comment written here and not yet synced: the server sets its author. */
  readonly author_id: string | null;
  readonly author_name: string | null;
  readonly created_at: string | null;
}

/** A ticket's comments, oldest first; unsent ones (no created_at yet) last. */
export function listComments(replica: PgliteReplica, ticketId: string): Promise<TicketComment[]> {
  return replica.query<TicketComment>(
    `select c.id, c.body, c.author_id, u.name as author_name, c.created_at
       from comments c
       left join users u on u.id = c.author_id
      where c.ticket_id = $1
      order by c.created_at asc nulls last, c.id`,
    [ticketId],
  );
}

/** Adds a comment; comments are append-only, so this is the only write they get. */
export async function addComment(layer: DataLayer, ticketId: string, body: string): Promise<void> {
  const id = crypto.randomUUID();
  const row = tables.comments.insert.parse({ id, ticket_id: ticketId, body });
  await layer.engine.write("comments", "upsert", { ...row, id });
}
