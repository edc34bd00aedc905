import type { PgliteReplica } from "../replica.js";

export interface TicketTask {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly assignee_name: string | null;
  readonly due_date: string | null;
}

/** Tasks raised from a ticket, in their planned order. */
export function listTicketTasks(replica: PgliteReplica, ticketId: string): Promise<TicketTask[]> {
  return replica.query<TicketTask>(
    `select k.id, k.title, k.status, u.name as assignee_name, k.due_date
       from tasks k
       left join users u on u.id = k.assignee_id
      where k.ticket_id = $1
      order by k.position, k.id`,
    [ticketId],
  );
}
