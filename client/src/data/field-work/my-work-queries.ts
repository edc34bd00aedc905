import { isMyTicket, type ReplicaAccess } from "../replica-access.js";

/** A ticket on the user's list for today. */
export interface MyTicket {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly priority: string;
  readonly scheduled_date: string | null;
}

/** A task assigned to the user, with its job. */
export interface MyTask {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly due_date: string | null;
  readonly project_name: string | null;
}

/**
 * The user's open and pending tickets: scheduled ones by date (overdue and today's first), then
 * unscheduled ones by priority.
 */
export function listMyTickets(layer: ReplicaAccess): Promise<MyTicket[]> {
  return layer.replica.query<MyTicket>(
    `select id, title, status, priority, scheduled_date from tickets
      where ${isMyTicket("$1")}
        and status in ('open', 'pending')
      order by scheduled_date nulls last,
               case priority when 'urgent' then 0 when 'high' then 1 when 'medium' then 2 else 3 end,
               created_at, id
      limit 200`,
    [layer.identity.userId],
  );
}

/** The user's tasks: unfinished ones by due date (undated last), then finished ones. */
export function listMyTasks(layer: ReplicaAccess): Promise<MyTask[]> {
  return layer.replica.query<MyTask>(
    `select k.id, k.title, k.status, k.due_date, p.name as project_name
       from tasks k
       left join projects p on p.id = k.project_id
      where k.assignee_id = $1
      order by (k.status = 'done'), k.due_date nulls last, k.position, k.title, k.id
      limit 200`,
    [layer.identity.userId],
  );
}
