import { boolean, date, integer, oneOf, text, timestamptz, uuid, varchar } from "../columns.js";
import { defineTable } from "../table.js";
import { createdAt, id, tenant, updatedAt } from "./common.js";

export const taskStatuses = ["todo", "in_progress", "blocked", "done"] as const;
export const approvalStates = ["draft", "submitted", "approved", "rejected"] as const;

/** A job: work for a customer at a site, broken into tasks. */
export const projects = defineTable({
  name: "projects",
  scope: "tenant",
  isReplicated: true,
  conflict: "field-lww",
  columns: {
    id: id(),
    organisation_id: tenant(),
    contact_id: uuid().refs("contacts"),
    name: varchar(255, { isBlankAllowed: false }).notNull(),
    description: text(),
    status: oneOf(20, ["planned", "active", "on_hold", "completed", "cancelled"]).notNull().default("'active'"),
    site_address: text(),
    start_date: date(),
    due_date: date(),
    created_by: uuid().serverSet().refs("users"),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
});

export const tasks = defineTable({
  name: "tasks",
  scope: "tenant",
  isReplicated: true,
  conflict: "field-lww",
  columns: {
    id: id(),
    organisation_id: tenant(),
    project_id: uuid().refs("projects"),
    ticket_id: uuid().refs("tickets"),
    title: varchar(500, { isBlankAllowed: false }).notNull(),
    description: text(),
    status: oneOf(20, taskStatuses).notNull().default("'todo'"),
    assignee_id: uuid().refs("users"),
    due_date: date(),
    position: integer().notNull().default("0"),
    created_by: uuid().serverSet().refs("users"),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
});

/** What a crew member reported on a task: kept as a history, never edited by others. */
export const taskUpdates = defineTable({
  name: "task_updates",
  scope: "tenant",
  isReplicated: true,
  conflict: "append-only",
  columns: {
    id: id(),
    organisation_id: tenant(),
    task_id: uuid().notNull().refs("tasks"),
    author_id: uuid().notNull().serverSet().refs("users"),
    status: oneOf(20, taskStatuses),
    note: text(),
    created_at: createdAt(),
  },
});

export const timesheets = defineTable({
  name: "timesheets",
  scope: "tenant",
  isReplicated: true,
  conflict: "server-decides",
  columns: {
    id: id(),
    organisation_id: tenant(),
    user_id: uuid().notNull().serverSet().refs("users"),
    week_start: date().notNull(),
    status: oneOf(20, approvalStates).notNull().default("'draft'"),
    submitted_at: timestamptz().serverSet(),
    decided_by: uuid().serverSet().refs("users"),
    decided_at: timestamptz().serverSet(),
    decision_reason: text(),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
});

export const timeEntries = defineTable({
  name: "time_entries",
  scope: "tenant",
  isReplicated: true,
  conflict: "append-only",
  columns: {
    id: id(),
    organisation_id: tenant(),
    user_id: uuid().notNull().serverSet().refs("users"),
    project_id: uuid().refs("projects"),
    ticket_id: uuid().refs("tickets"),
    task_id: uuid().refs("tasks"),
    timesheet_id: uuid().refs("timesheets"),
    started_at: timestamptz().notNull(),
    ended_at: timestamptz(),
    duration_seconds: integer().generated(),
    billable: boolean().notNull().default("true"),
    notes: text(),
    approval_status: oneOf(20, approvalStates).notNull().default("'draft'").serverSet(),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
});
