import type { PgliteReplica } from "../replica.js";
import { type TicketFilters, ticketFilterSql } from "./ticket-filters.js";

/** A ticket as the list shows it. */
export interface TicketListRow {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly priority: string;
  readonly assignee_id: string | null;
  readonly assignee_name: string | null;
  readonly queue_name: string | null;
  readonly created_at: string | null;
}

/** How many rows the list shows: enough to scroll, few enough to stay instant with thousands. */
export const ticketListLimit = 200;

/**
 * The replica's tickets matching the filters, newest first. Filtering and the limit happen in
 * the replica's SQL, so a device holding thousands of tickets renders only the first page.
 * Rows written here and not yet synced have no created_at: they are the newest, so first.
 */
export function listTickets(
  replica: PgliteReplica,
  filters: TicketFilters,
  limit = ticketListLimit,
): Promise<TicketListRow[]> {
  const { where, params } = ticketFilterSql(filters);
  return replica.query<TicketListRow>(
    `select t.id, t.title, t.status, t.priority, t.assignee_id, u.name as assignee_name, q.name as queue_name,
            t.created_at
       from tickets t
       left join users u on u.id = t.assignee_id
       left join queues q on q.id = t.queue_id
       ${where}
      order by t.created_at desc nulls first, t.id
      limit $${params.length + 1}`,
    [...params, limit],
  );
}
