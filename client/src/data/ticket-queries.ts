import type { PgliteReplica } from "./replica.js";

/** A ticket as the list shows it. */
export interface TicketSummary {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly priority: string;
  readonly created_at: string;
}

/** The replica's tickets, newest first: what the device has, never waiting on the network. */
export function listTickets(replica: PgliteReplica, limit = 200): Promise<TicketSummary[]> {
  return replica.query<TicketSummary>(
    "select id, title, status, priority, created_at from tickets order by created_at desc, id limit $1",
    [limit],
  );
}
