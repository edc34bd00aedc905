import type { PgliteReplica } from "../replica.js";

export interface TicketTimeEntry {
  readonly id: string;
  readonly user_name: string | null;
  readonly started_at: string;
  readonly ended_at: string | null;
  /** Worked out from start and end, so entries stopped on this device count before the server fills in duration_seconds. */
  readonly seconds: number | null;
  readonly notes: string | null;
}

/** Time logged on a ticket, newest first; a running timer has no end and no seconds. */
export function listTicketTime(replica: PgliteReplica, ticketId: string): Promise<TicketTimeEntry[]> {
  return replica.query<TicketTimeEntry>(
    `select e.id, u.name as user_name, e.started_at, e.ended_at, e.notes,
            case when e.ended_at is null then null
                 else coalesce(e.duration_seconds, floor(extract(epoch from (e.ended_at - e.started_at)))::int)
            end as seconds
       from time_entries e
       left join users u on u.id = e.user_id
      where e.ticket_id = $1
      order by e.started_at desc, e.id`,
    [ticketId],
  );
}

/** The logged seconds of finished entries. */
export const totalSeconds = (entries: readonly TicketTimeEntry[]) =>
  entries.reduce((sum, entry) => sum + (entry.seconds ?? 0), 0);
