import { tables } from "@worktrackr/shared-schema";
import { isMine, type ReplicaAccess } from "../replica-access.js";

/** A time entry that has started and not yet stopped: the running timer. */
export interface RunningTimer {
  readonly id: string;
  readonly ticket_id: string | null;
  readonly task_id: string | null;
  readonly project_id: string | null;
  readonly started_at: string;
  /** What the timer is on, for showing it away from its ticket or task. */
  readonly label: string | null;
}

/** What a timer is started on; nothing means general time. */
export interface TimerTarget {
  readonly ticketId?: string;
  readonly taskId?: string;
  readonly projectId?: string;
}

/**
 * The user's running timers, newest first, from the replica: normally one, but a timer started on
 * another device arrives by sync beside this one's.
 */
function findRunningTimers(layer: ReplicaAccess, limit: number): Promise<RunningTimer[]> {
  return layer.replica.query<RunningTimer>(
    `select e.id, e.ticket_id, e.task_id, e.project_id, e.started_at,
            coalesce(t.title, k.title) as label
       from time_entries e
       left join tickets t on t.id = e.ticket_id
       left join tasks k on k.id = e.task_id
      where e.ended_at is null and ${isMine("e.user_id", "$1")}
      order by e.started_at desc, e.id
      limit $2`,
    [layer.identity.userId, limit],
  );
}

/** The user's running timer (the newest, if another device started one too). */
export async function findRunningTimer(layer: ReplicaAccess): Promise<RunningTimer | null> {
  const [newest] = await findRunningTimers(layer, 1);
  return newest ?? null;
}

/**
 * Starts a timer: a time entry with a start and no end, written to the replica and the outbox, so
 * it keeps running across reloads and with no signal. One timer runs at a time; any running one
 * (this device's, or one another device started) is stopped first, at the same instant, so no
 * minute is counted twice.
 */
export async function startTimer(layer: ReplicaAccess, target: TimerTarget, now = new Date()): Promise<string> {
  for (const running of await findRunningTimers(layer, 100)) await stopTimer(layer, running.id, now);
  const id = crypto.randomUUID();
  const row = tables.time_entries.insert.parse({
    id,
    started_at: now.toISOString(),
    ...(target.ticketId ? { ticket_id: target.ticketId } : {}),
    ...(target.taskId ? { task_id: target.taskId } : {}),
    ...(target.projectId ? { project_id: target.projectId } : {}),
  });
  await layer.engine.write("time_entries", "upsert", { ...row, id });
  return id;
}

/** Stops a timer: the entry's end is set; the server works out its duration. */
export async function stopTimer(layer: ReplicaAccess, entryId: string, now = new Date()): Promise<void> {
  await layer.engine.write("time_entries", "upsert", { id: entryId, ended_at: now.toISOString() });
}
