import {
  can,
  canMoveTicket,
  formatHlc,
  parseHlc,
  type Role,
  type syncApi,
  type TableName,
  tableAccess,
} from "@worktrackr/shared-schema";
import type { z } from "zod";
import { canSee, type Row, type RowLookup } from "./scope.js";
import { creatorColumns, tableOf } from "./table-meta.js";

/** A row as the batch sees it while mutations are resolved one after another. */
export interface RowState {
  readonly table: TableName;
  readonly id: string;
  /** The current row, or null when it does not exist (never did, or deleted). */
  row: Row | null;
  /** Per-field clocks: `<hlc>|<user id>` of the write that set the field. */
  clocks: Record<string, string>;
  readonly existedBefore: boolean;
  /** Deleted on the server before this batch: delete wins, edits are reported, not resurrected. */
  readonly tombstoned: boolean;
  changed: boolean;
}

export interface ConflictRecord {
  readonly table: TableName;
  readonly rowId: string;
  readonly field: string | null;
  readonly rule: string;
  readonly reason: string;
  readonly winningValue: unknown;
  readonly losingValue: unknown;
  readonly winningUserId: string | null;
  readonly losingUserId: string | null;
  readonly winningHlc: string | null;
  readonly losingHlc: string | null;
  readonly mutationId: string;
}

export type Effect = {
  readonly kind: "timesheet-decided";
  readonly timesheetId: string;
  readonly status: "approved" | "rejected";
};

export interface Outcome {
  readonly status: syncApi.AckStatus;
  readonly reason?: string;
  /** The rule that refused it, for programs (REST maps it to an HTTP status). */
  readonly code?: string;
  readonly conflicts: readonly ConflictRecord[];
  readonly effects: readonly Effect[];
}

export interface RuleContext {
  readonly organisationId: string;
  readonly userId: string;
  readonly role: Role;
  readonly now: Date;
  readonly lookup: RowLookup;
  /** Members of the tenant (any status): the only users a row may point at. */
  readonly memberIds: ReadonlySet<string>;
  /** Orders clamped clocks within a batch. */
  readonly clampCounter: () => number;
}

/**
 * The clock a mutation writes with: its own, or the server's time when the device's clock runs
 * ahead, so a fast clock cannot win every later conflict, and no stored clock is ever ahead of the
 * server's (which pulls hand to devices to order their next edits).
 */
export function effectiveHlc(hlc: string, now: Date, clampCounter: () => number): string {
  const parts = parseHlc(hlc);
  if (!parts || parts.millis <= now.getTime()) return hlc;
  // Clamped clocks keep the order of the device's own edits within the batch.
  return formatHlc({ millis: now.getTime(), counter: clampCounter(), clientId: parts.clientId });
}

const clockOf = (entry: string | undefined) => {
  if (!entry) return { hlc: "", userId: null };
  const at = entry.lastIndexOf("|");
  return at < 0 ? { hlc: entry, userId: null } : { hlc: entry.slice(0, at), userId: entry.slice(at + 1) || null };
};

/** The column naming who wrote an append-only row: only they may change it. */
const authorColumn: Partial<Record<TableName, string>> = {
  comments: "author_id",
  attachments: "uploader_id",
  task_updates: "author_id",
  time_entries: "user_id",
};

const tableLabel = (table: TableName) => table.replace(/_/g, " ");
/** "time_entries" → "time entry", for "this time entry". */
const rowLabel = (table: TableName) => tableLabel(table).replace(/ies$/, "y").replace(/s$/, "");

function zodReason(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "The change is not valid.";
  if (issue.code === "unrecognized_keys") return `${issue.keys.join(", ")}: cannot be set from the app`;
  return `${issue.path.join(".") || "row"}: ${issue.message}`;
}

const rejected = (code: string, reason: string, conflicts: ConflictRecord[] = []): Outcome => ({
  status: "rejected",
  code,
  reason,
  conflicts,
  effects: [],
});

/** A rejection is recorded in the author's conflict inbox too: nothing is dropped silently. */
function rejection(m: syncApi.Mutation, ctx: RuleContext, rule: string, reason: string, current: Row | null): Outcome {
  return rejected(rule, reason, [
    {
      table: m.table as TableName,
      rowId: String(m.row.id),
      field: null,
      rule,
      reason,
      winningValue: current,
      losingValue: m.row,
      winningUserId: null,
      losingUserId: ctx.userId,
      winningHlc: null,
      losingHlc: m.hlc,
      mutationId: m.id,
    },
  ]);
}

/** Every uuid a row points at must be a row (or member) of the same tenant. */
function foreignReference(table: TableName, values: Row, ctx: RuleContext): string | undefined {
  for (const [name, column] of Object.entries(tableOf(table).columns)) {
    const target = column.references;
    const value = values[name];
    if (!target || typeof value !== "string") continue;
    const exists = target === "users" ? ctx.memberIds.has(value) : ctx.lookup(target as TableName, value) !== undefined;
    if (!exists) return `${name}: refers to a record that does not exist`;
  }
  return undefined;
}

function isLockedTimeEntry(row: Row, ctx: RuleContext): boolean {
  if (row.approval_status === "approved") return true;
  const sheet = typeof row.timesheet_id === "string" ? ctx.lookup("timesheets", row.timesheet_id) : undefined;
  return sheet?.status === "approved" || sheet?.status === "submitted";
}

const lockedReason = "This time entry is in a submitted or approved timesheet and can no longer be changed.";

/** Resolves one mutation against the batch's current state, by the table's conflict rule. */
export function resolveMutation(m: syncApi.Mutation, state: RowState, ctx: RuleContext): Outcome {
  const table = m.table as TableName;
  const spec = tableOf(table);
  const access = tableAccess[table];
  const hlc = effectiveHlc(m.hlc, ctx.now, ctx.clampCounter);
  const stamp = `${hlc}|${ctx.userId}`;
  const viewer = { userId: ctx.userId, role: ctx.role };

  if (m.op === "delete") {
    if (!state.row) return { status: "applied", conflicts: [], effects: [] };
    const author = authorColumn[table];
    const isAuthor = author !== undefined && state.row[author] === ctx.userId;
    if (!access.delete.includes(ctx.role) && !isAuthor) {
      return rejection(m, ctx, "permission", `Your role cannot delete ${tableLabel(table)}.`, state.row);
    }
    if (table === "time_entries" && (!isAuthor || isLockedTimeEntry(state.row, ctx))) {
      return rejection(
        m,
        ctx,
        "locked",
        isAuthor ? lockedReason : "Only its author can delete a time entry.",
        state.row,
      );
    }
    if (!canSee(viewer, table, state.row, ctx.lookup)) {
      return rejection(m, ctx, "permission", `You cannot delete this ${rowLabel(table)}.`, null);
    }
    state.row = null;
    state.changed = true;
    return { status: "applied", conflicts: [], effects: [] };
  }

  // Upsert of a row the server deleted: delete wins, the edit is reported.
  if (!state.row && (state.tombstoned || state.existedBefore)) {
    return rejection(m, ctx, "delete-wins", `This ${rowLabel(table)} was deleted; your change was not applied.`, null);
  }

  if (!state.row) return insertRow(m, state, ctx, stamp);
  return updateRow(m, state, ctx, hlc, stamp);

  function insertRow(m: syncApi.Mutation, state: RowState, ctx: RuleContext, stamp: string): Outcome {
    if (!access.insert.includes(ctx.role)) {
      return rejection(m, ctx, "permission", `Your role cannot create ${tableLabel(table)}.`, null);
    }
    const parsed = spec.insert.safeParse(m.row);
    if (!parsed.success) return rejection(m, ctx, "invalid", zodReason(parsed.error), null);
    const values: Row = { ...(parsed.data as Row), organisation_id: ctx.organisationId };
    for (const column of creatorColumns) {
      if (column in spec.columns && spec.columns[column]?.isServerSet) values[column] = ctx.userId;
    }
    const effects: Effect[] = [];
    if (table === "tickets" && !can(ctx.role, "tickets.assign")) {
      values.assignee_id ??= ctx.userId;
      if (values.assignee_id !== ctx.userId) {
        return rejection(m, ctx, "permission", "Only admins and managers can assign tickets to others.", null);
      }
    }
    if (table === "approvals" && values.decision !== undefined && values.decision !== "pending") {
      if (!can(ctx.role, "timesheets.approve")) {
        return rejection(m, ctx, "permission", "Only admins and managers can decide approvals.", null);
      }
      values.approver_id = ctx.userId;
      values.decided_at = ctx.now.toISOString();
    }
    if (table === "timesheets") {
      if (values.status !== undefined && values.status !== "draft" && values.status !== "submitted") {
        return rejection(m, ctx, "permission", "A new timesheet is a draft or submitted.", null);
      }
      if (values.status === "submitted") values.submitted_at = ctx.now.toISOString();
    }
    if (table === "time_entries" && typeof values.timesheet_id === "string") {
      const sheet = ctx.lookup("timesheets", values.timesheet_id);
      if (sheet && sheet.user_id !== ctx.userId) {
        return rejection(m, ctx, "permission", "A time entry goes on your own timesheet.", null);
      }
      if (sheet && (sheet.status === "approved" || sheet.status === "submitted")) {
        return rejection(m, ctx, "locked", lockedReason, null);
      }
    }
    const badReference = foreignReference(table, values, ctx);
    if (badReference) return rejection(m, ctx, "invalid", badReference, null);
    if (!canSee(viewer, table, values, ctx.lookup)) {
      return rejection(m, ctx, "permission", `You cannot add ${tableLabel(table)} here.`, null);
    }
    state.row = values;
    state.clocks = Object.fromEntries(
      Object.keys(m.row)
        .filter((k) => k !== "id")
        .map((k) => [k, stamp]),
    );
    state.changed = true;
    return { status: "applied", conflicts: [], effects };
  }

  function updateRow(m: syncApi.Mutation, state: RowState, ctx: RuleContext, hlc: string, stamp: string): Outcome {
    const current = state.row as Row;
    if (!access.update.includes(ctx.role)) {
      return rejection(m, ctx, "permission", `Your role cannot change ${tableLabel(table)}.`, current);
    }
    // Scope before anything about the row's contents, so a refusal says nothing about them.
    if (!canSee(viewer, table, current, ctx.lookup)) {
      return rejection(m, ctx, "permission", `You can only change ${tableLabel(table)} assigned to you.`, null);
    }
    const parsed = spec.patch.safeParse(m.row);
    if (!parsed.success) return rejection(m, ctx, "invalid", zodReason(parsed.error), current);
    const patch = parsed.data as Row;
    const author = authorColumn[table];
    if (author !== undefined && current[author] !== ctx.userId) {
      return rejection(m, ctx, "author-only", `Only its author can change this ${rowLabel(table)}.`, current);
    }
    if (table === "time_entries" && isLockedTimeEntry(current, ctx)) {
      return rejection(m, ctx, "locked", lockedReason, current);
    }
    if (table === "tickets") {
      if (typeof patch.status === "string" && !canMoveTicket(ctx.role, String(current.status), patch.status)) {
        return rejection(
          m,
          ctx,
          "transition",
          `Your role cannot move a ticket from ${current.status} to ${patch.status}.`,
          current,
        );
      }
      if ("assignee_id" in patch && patch.assignee_id !== current.assignee_id && !can(ctx.role, "tickets.assign")) {
        return rejection(m, ctx, "permission", "Only admins and managers can reassign tickets.", current);
      }
    }
    if (
      table === "tasks" &&
      "assignee_id" in patch &&
      patch.assignee_id !== current.assignee_id &&
      !can(ctx.role, "projects.manage")
    ) {
      return rejection(m, ctx, "permission", "Only admins and managers can reassign tasks.", current);
    }

    const effects: Effect[] = [];
    const serverFields: Row = {};
    if (table === "approvals" && "decision" in patch && patch.decision !== current.decision) {
      if (current.decision !== "pending") {
        return decided(m, ctx, "decision", current.decision, patch.decision, clockOf(state.clocks.decision));
      }
      serverFields.approver_id = ctx.userId;
      serverFields.decided_at = ctx.now.toISOString();
    }
    if (table === "timesheets" && "status" in patch && patch.status !== current.status) {
      const from = String(current.status);
      const to = String(patch.status);
      const isOwner = current.user_id === ctx.userId;
      if (from === "approved" || from === "rejected") {
        return decided(m, ctx, "status", from, to, clockOf(state.clocks.status));
      }
      if (to === "approved" || to === "rejected") {
        if (!can(ctx.role, "timesheets.approve") || isOwner) {
          return rejection(
            m,
            ctx,
            "permission",
            "Timesheets are approved by a manager, never by their owner.",
            current,
          );
        }
        if (from !== "submitted")
          return rejection(m, ctx, "transition", "Only a submitted timesheet can be decided.", current);
        serverFields.decided_by = ctx.userId;
        serverFields.decided_at = ctx.now.toISOString();
        effects.push({ kind: "timesheet-decided", timesheetId: state.id, status: to });
      } else if (!isOwner) {
        return rejection(m, ctx, "permission", "Only its owner can submit or withdraw a timesheet.", current);
      } else if (to === "submitted") {
        serverFields.submitted_at = ctx.now.toISOString();
      }
    }

    const next: Row = { ...current };
    const conflicts: ConflictRecord[] = [];
    for (const [field, value] of Object.entries(patch)) {
      if (field === "id") continue;
      const clock = clockOf(state.clocks[field]);
      if (clock.hlc === "" || hlc > clock.hlc) {
        next[field] = value;
        state.clocks[field] = stamp;
      } else if (JSON.stringify(current[field]) !== JSON.stringify(value)) {
        conflicts.push({
          table,
          rowId: state.id,
          field,
          rule: "field-lww",
          reason: `A later change to ${field.replace(/_/g, " ")} won.`,
          winningValue: current[field],
          losingValue: value,
          winningUserId: clock.userId,
          losingUserId: ctx.userId,
          winningHlc: clock.hlc,
          losingHlc: hlc,
          mutationId: m.id,
        });
      }
    }
    const badReference = foreignReference(table, next, ctx);
    if (badReference) return rejection(m, ctx, "invalid", badReference, current);
    state.row = { ...next, ...serverFields };
    state.changed = true;
    return conflicts.length > 0
      ? { status: "merged", reason: "Some of your changes lost to later ones.", conflicts, effects }
      : { status: "applied", conflicts: [], effects };
  }
}

/** Server-decides: the first decision stands; a later one is rejected and both people are told. */
function decided(
  m: syncApi.Mutation,
  ctx: RuleContext,
  field: string,
  winning: unknown,
  losing: unknown,
  clock: { hlc: string; userId: string | null },
): Outcome {
  const reason = `Already ${String(winning)}: the first decision stands.`;
  return rejected("server-decides", reason, [
    {
      table: m.table as TableName,
      rowId: String(m.row.id),
      field,
      rule: "server-decides",
      reason,
      winningValue: winning,
      losingValue: losing,
      winningUserId: clock.userId,
      losingUserId: ctx.userId,
      winningHlc: clock.hlc || null,
      losingHlc: m.hlc,
      mutationId: m.id,
    },
  ]);
}
