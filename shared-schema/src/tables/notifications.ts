import { boolean, jsonb, oneOf, timestamptz, uuid, varchar } from "../columns.js";
import { defineTable } from "../table.js";
import { createdAt, id, tenant } from "./common.js";

export const notifications = defineTable({
  name: "notifications",
  scope: "tenant",
  isReplicated: true,
  conflict: "server-only",
  columns: {
    id: id(),
    organisation_id: tenant(),
    user_id: uuid().notNull().refs("users"),
    ticket_id: uuid().refs("tickets"),
    type: varchar(100).notNull(),
    payload: jsonb(),
    status: oneOf(50, ["pending", "sent", "failed"]).notNull().default("'pending'"),
    read_at: timestamptz(),
    created_at: createdAt(),
  },
});

export const notificationPreferences = defineTable({
  name: "notification_preferences",
  scope: "tenant",
  isReplicated: true,
  conflict: "field-lww",
  columns: {
    id: id(),
    user_id: uuid().notNull().serverSet().refs("users"),
    organisation_id: tenant(),
    notification_type: varchar(100).notNull(),
    email_enabled: boolean().notNull().default("true"),
    in_app_enabled: boolean().notNull().default("true"),
    created_at: createdAt(),
  },
});
