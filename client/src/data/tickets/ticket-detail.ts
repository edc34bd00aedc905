import type { PgliteReplica } from "../replica.js";

/** A ticket with everything its page edits. */
export interface TicketDetail {
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
  readonly status: string;
  readonly priority: string;
  readonly assignee_id: string | null;
  readonly queue_id: string | null;
  readonly created_by: string | null;
  readonly created_at: string | null;
  readonly updated_at: string | null;
}

/** One ticket from the replica; undefined when this device does not hold it. */
export async function getTicket(replica: PgliteReplica, id: string): Promise<TicketDetail | undefined> {
  const [row] = await replica.query<TicketDetail>(
    `select id, title, description, status, priority, assignee_id, queue_id, created_by, created_at, updated_at
       from tickets where id = $1`,
    [id],
  );
  return row;
}
