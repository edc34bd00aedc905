import {
  boolean,
  date,
  jsonb,
  nonNegativeInteger,
  numeric,
  oneOf,
  sha256Hex,
  text,
  timestamptz,
  uuid,
  varchar,
} from "../columns.js";
import { defineTable } from "../table.js";
import { createdAt, id, tenant, updatedAt } from "./common.js";

export const ticketStatuses = ["open", "pending", "closed", "resolved"] as const;
export const ticketPriorities = ["low", "medium", "high", "urgent"] as const;

export const queues = defineTable({
  name: "queues",
  scope: "tenant",
  isReplicated: true,
  conflict: "field-lww",
  columns: {
    id: id(),
    organisation_id: tenant(),
    name: varchar(255, { isBlankAllowed: false }).notNull(),
    is_default: boolean().notNull().default("false"),
    created_at: createdAt(),
  },
});

export const tickets = defineTable({
  name: "tickets",
  scope: "tenant",
  isReplicated: true,
  conflict: "field-lww",
  yjsText: ["description"],
  columns: {
    id: id(),
    organisation_id: tenant(),
    queue_id: uuid().refs("queues"),
    created_by: uuid().serverSet().refs("users"),
    assignee_id: uuid().refs("users"),
    contact_id: uuid().refs("contacts"),
    title: varchar(500, { isBlankAllowed: false }).notNull(),
    description: text(),
    status: oneOf(50, ticketStatuses).notNull().default("'open'"),
    priority: oneOf(50, ticketPriorities).notNull().default("'medium'"),
    scheduled_date: date(),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
});

export const ticketTemplates = defineTable({
  name: "ticket_templates",
  scope: "tenant",
  isReplicated: true,
  conflict: "field-lww",
  columns: {
    id: id(),
    organisation_id: tenant(),
    name: text().notNull(),
    fields: jsonb(),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
});

export const comments = defineTable({
  name: "comments",
  scope: "tenant",
  isReplicated: true,
  conflict: "append-only",
  columns: {
    id: id(),
    organisation_id: tenant(),
    ticket_id: uuid().notNull().refs("tickets"),
    author_id: uuid().notNull().serverSet().refs("users"),
    body: text().notNull(),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
});

export const attachments = defineTable({
  name: "attachments",
  scope: "tenant",
  isReplicated: true,
  conflict: "append-only",
  columns: {
    id: id(),
    organisation_id: tenant(),
    ticket_id: uuid().notNull().refs("tickets"),
    uploader_id: uuid().notNull().serverSet().refs("users"),
    file_url: text().notNull(),
    filename: varchar(255, { isBlankAllowed: false }).notNull(),
    mime_type: varchar(100),
    size_bytes: nonNegativeInteger(),
    content_sha256: sha256Hex(),
    created_at: createdAt(),
  },
});

export const inspections = defineTable({
  name: "inspections",
  scope: "tenant",
  isReplicated: true,
  conflict: "field-lww",
  yjsText: ["notes"],
  columns: {
    id: id(),
    organisation_id: tenant(),
    ticket_id: uuid().notNull().refs("tickets"),
    inspector_id: uuid().notNull().refs("users"),
    summary: text(),
    cause: text(),
    recommendation: text(),
    notes: text(),
    estimated_hours: numeric(5, 2),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
});

export const approvals = defineTable({
  name: "approvals",
  scope: "tenant",
  isReplicated: true,
  conflict: "server-decides",
  columns: {
    id: id(),
    organisation_id: tenant(),
    ticket_id: uuid().notNull().refs("tickets"),
    requested_by: uuid().notNull().serverSet().refs("users"),
    approver_id: uuid().refs("users"),
    decision: oneOf(50, ["pending", "approved", "rejected"]).notNull().default("'pending'"),
    reason: text(),
    decided_at: timestamptz().serverSet(),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
});

export const workflows = defineTable({
  name: "workflows",
  scope: "tenant",
  isReplicated: false,
  conflict: "field-lww",
  columns: {
    id: id(),
    organisation_id: tenant(),
    name: varchar(255, { isBlankAllowed: false }).notNull(),
    is_active: boolean().notNull().default("true"),
    definition: jsonb().notNull(),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
});
