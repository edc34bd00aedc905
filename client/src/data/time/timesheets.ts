import { tables } from "@worktrackr/shared-schema";
import { isMine, type ReplicaAccess } from "../replica-access.js";
import type { Week } from "./week.js";

export interface Timesheet {
  readonly id: string;
  readonly week_start: string;
  readonly status: "draft" | "submitted" | "approved" | "rejected";
  readonly decision_reason: string | null;
}

/** The user's timesheet for a week, if there is one (one per person and week, on the server too). */
export async function findMyTimesheet(layer: ReplicaAccess, weekStart: string): Promise<Timesheet | null> {
  const [sheet] = await layer.replica.query<Timesheet>(
    `select id, week_start, status, decision_reason from timesheets
      where week_start = $1 and ${isMine("user_id", "$2")}
      order by user_id nulls last limit 1`,
    [weekStart, layer.identity.userId],
  );
  return sheet ?? null;
}

/** Why a week cannot be submitted, in words for the person submitting it. */
export class TimesheetError extends Error {}

/**
 * Submits a week: its timesheet is made (as a draft) if it does not exist, every entry of the week
 * is linked to it, then it is submitted. The order matters to the server, which refuses entries
 * added to a timesheet that is already submitted; the outbox sends the writes in this order, so it
 * works the same offline.
 */
export async function submitTimesheet(layer: ReplicaAccess, week: Week): Promise<void> {
  const [counts] = await layer.replica.query<{ stopped: number; running: number }>(
    `select count(*) filter (where ended_at is not null)::int as stopped,
            count(*) filter (where ended_at is null)::int as running
       from time_entries
      where ${isMine("user_id", "$1")} and started_at >= $2 and started_at < $3`,
    [layer.identity.userId, week.start.toISOString(), week.end.toISOString()],
  );
  if ((counts?.running ?? 0) > 0) throw new TimesheetError("Stop the running timer before submitting this week.");
  if ((counts?.stopped ?? 0) === 0) throw new TimesheetError("There is no time in this week to submit.");

  let sheet = await findMyTimesheet(layer, week.weekStart);
  if (sheet && sheet.status !== "draft") {
    throw new TimesheetError(`This week's timesheet is already ${sheet.status}.`);
  }
  if (!sheet) {
    const id = crypto.randomUUID();
    const row = tables.timesheets.insert.parse({ id, week_start: week.weekStart, status: "draft" });
    await layer.engine.write("timesheets", "upsert", { ...row, id });
    sheet = { id, week_start: week.weekStart, status: "draft", decision_reason: null };
  }
  const unlinked = await layer.replica.query<{ id: string }>(
    `select id from time_entries
      where ${isMine("user_id", "$1")} and started_at >= $2 and started_at < $3
        and timesheet_id is distinct from $4
      order by started_at, id`,
    [layer.identity.userId, week.start.toISOString(), week.end.toISOString(), sheet.id],
  );
  for (const entry of unlinked) {
    const patch = tables.time_entries.patch.parse({ id: entry.id, timesheet_id: sheet.id });
    await layer.engine.write("time_entries", "upsert", { ...patch, id: entry.id });
  }
  await layer.engine.write(
    "timesheets",
    "upsert",
    tables.timesheets.patch.parse({ id: sheet.id, status: "submitted" }),
  );
}

/** Takes a submitted timesheet back to draft, so its entries can be changed again. */
export async function withdrawTimesheet(layer: ReplicaAccess, sheetId: string): Promise<void> {
  await layer.engine.write("timesheets", "upsert", tables.timesheets.patch.parse({ id: sheetId, status: "draft" }));
}

/** A submitted timesheet waiting for a manager. */
export interface TimesheetToDecide {
  readonly id: string;
  readonly week_start: string;
  readonly person: string | null;
  readonly total_seconds: number;
  readonly billable_seconds: number;
}

/** Other people's submitted timesheets on this device (managers hold the whole team's). */
export function listTimesheetsToDecide(layer: ReplicaAccess): Promise<TimesheetToDecide[]> {
  return layer.replica.query<TimesheetToDecide>(
    `select s.id, s.week_start, u.name as person,
            coalesce(sum(extract(epoch from (e.ended_at - e.started_at))), 0)::int as total_seconds,
            coalesce(sum(extract(epoch from (e.ended_at - e.started_at))) filter (where e.billable), 0)::int
              as billable_seconds
       from timesheets s
       left join users u on u.id = s.user_id
       left join time_entries e on e.timesheet_id = s.id and e.ended_at is not null
      where s.status = 'submitted' and s.user_id is not null and s.user_id <> $1
      group by s.id, s.week_start, u.name
      order by s.week_start, u.name, s.id`,
    [layer.identity.userId],
  );
}

/** A manager's decision; the first one to reach the server stands. */
export async function decideTimesheet(
  layer: ReplicaAccess,
  sheetId: string,
  decision: "approved" | "rejected",
  reason: string,
): Promise<void> {
  const patch = tables.timesheets.patch.parse({
    id: sheetId,
    status: decision,
    ...(reason.trim() ? { decision_reason: reason.trim() } : {}),
  });
  await layer.engine.write("timesheets", "upsert", patch);
}
