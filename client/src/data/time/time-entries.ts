import { tables } from "@worktrackr/shared-schema";
import { firstIssue } from "../../api/form-errors.js";
import { isMine, isMyTicket, type ReplicaAccess } from "../replica-access.js";
import { findMyTimesheet } from "./timesheets.js";
import { type Week, weekOf } from "./week.js";
import type { TimedEntry } from "./week-totals.js";

/** A time entry as the Time screen lists it, with what it was on and its timesheet's state. */
export interface TimeEntryLine extends TimedEntry {
  readonly id: string;
  readonly ticket_id: string | null;
  readonly task_id: string | null;
  readonly project_id: string | null;
  readonly timesheet_id: string | null;
  readonly notes: string | null;
  readonly approval_status: string;
  /** The ticket's or task's title, or the job's name. */
  readonly label: string | null;
  readonly sheet_status: string | null;
}

/** The signed-in user's entries that started in a week, unsent ones included. */
export function listMyEntries(layer: ReplicaAccess, week: Week): Promise<TimeEntryLine[]> {
  return layer.replica.query<TimeEntryLine>(
    `select e.id, e.started_at, e.ended_at, e.billable, e.ticket_id, e.task_id, e.project_id, e.timesheet_id,
            e.notes, e.approval_status, coalesce(t.title, k.title, p.name) as label, s.status as sheet_status
       from time_entries e
       left join tickets t on t.id = e.ticket_id
       left join tasks k on k.id = e.task_id
       left join projects p on p.id = e.project_id
       left join timesheets s on s.id = e.timesheet_id
      where ${isMine("e.user_id", "$1")} and e.started_at >= $2 and e.started_at < $3
      order by e.started_at, e.id`,
    [layer.identity.userId, week.start.toISOString(), week.end.toISOString()],
  );
}

/** Whether the server would refuse a change: its timesheet is with a manager or approved. */
export function isEntryLocked(entry: Pick<TimeEntryLine, "approval_status" | "sheet_status">): boolean {
  return (
    entry.approval_status === "approved" || entry.sheet_status === "submitted" || entry.sheet_status === "approved"
  );
}

/** An entry as the form hands it over: instants already worked out and checked. */
export interface EntryDraft {
  readonly startedAt: string;
  readonly endedAt: string;
  readonly ticketId: string | null;
  readonly taskId: string | null;
  readonly projectId: string | null;
  readonly notes: string;
  readonly billable: boolean;
}

export type SaveResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly field: string; readonly message: string };

const fieldLabels: Record<string, string> = {
  started_at: "Start",
  ended_at: "End",
  ticket_id: "Ticket",
  task_id: "Task",
  project_id: "Job",
  notes: "Notes",
  billable: "Billable",
};

const lockedWeekMessage = (status: string) =>
  status === "approved"
    ? "Date is in a week whose timesheet is approved: its time can no longer change."
    : "Date is in a week whose timesheet is submitted: withdraw the timesheet first to change its time.";

/**
 * Adds an entry (id null) or changes one of the user's own, checked with the server's rules first
 * so a write that would be refused later is refused now, where it can still be fixed. An entry
 * moved to another week leaves its old timesheet; submitting the new week links it again.
 */
export async function saveEntry(
  layer: ReplicaAccess,
  existing: Pick<TimeEntryLine, "id" | "started_at" | "timesheet_id"> | null,
  draft: EntryDraft,
): Promise<SaveResult> {
  const weekStart = weekOf(new Date(draft.startedAt)).weekStart;
  const sheetStatus = (await findMyTimesheet(layer, weekStart))?.status;
  if (sheetStatus === "submitted" || sheetStatus === "approved") {
    return { ok: false, field: "date", message: lockedWeekMessage(sheetStatus) };
  }
  const values = {
    started_at: draft.startedAt,
    ended_at: draft.endedAt,
    ticket_id: draft.ticketId,
    task_id: draft.taskId,
    project_id: draft.projectId,
    notes: draft.notes.trim() === "" ? null : draft.notes.trim(),
    billable: draft.billable,
  };
  const hasMovedWeek =
    existing !== null &&
    weekOf(new Date(existing.started_at)).weekStart !== weekStart &&
    existing.timesheet_id !== null;
  const id = existing?.id ?? crypto.randomUUID();
  const parsed = existing
    ? tables.time_entries.patch.safeParse({ id, ...values, ...(hasMovedWeek ? { timesheet_id: null } : {}) })
    : tables.time_entries.insert.safeParse({ id, ...values });
  if (!parsed.success) {
    return { ok: false, ...firstIssue(parsed.error.issues, fieldLabels, "Time entry") };
  }
  await layer.engine.write("time_entries", "upsert", { ...parsed.data, id });
  return { ok: true };
}

/** Deletes one of the user's own entries (the server refuses it once its timesheet is submitted). */
export async function deleteEntry(layer: ReplicaAccess, id: string): Promise<void> {
  await layer.engine.write("time_entries", "delete", { id });
}

/** Something time can be booked on, for the form's pickers. */
export interface BookingOption {
  readonly id: string;
  readonly title: string;
  readonly project_id: string | null;
}

/** The user's open tickets, for booking time on one. */
export function listTicketOptions(layer: ReplicaAccess): Promise<BookingOption[]> {
  return layer.replica.query<BookingOption>(
    `select id, title, null as project_id from tickets
      where ${isMyTicket("$1")} and status <> 'closed'
      order by title, id limit 200`,
    [layer.identity.userId],
  );
}

/** The user's tasks, for booking time on one (its job comes with it). */
export function listTaskOptions(layer: ReplicaAccess): Promise<BookingOption[]> {
  return layer.replica.query<BookingOption>(
    "select id, title, project_id from tasks where assignee_id = $1 order by title, id limit 200",
    [layer.identity.userId],
  );
}
