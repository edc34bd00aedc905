import { boolean, integer, oneOf, text, timestamptz, uuid, varchar } from "../columns.js";
import { defineTable } from "../table.js";
import { createdAt, id, tenant, updatedAt } from "./common.js";

export const organisations = defineTable({
  name: "organisations",
  scope: "global",
  isReplicated: true,
  conflict: "server-only",
  serverColumns: [
    "stripe_customer_id",
    "stripe_subscription_id",
    "stripe_seat_item_id",
    "plan_price_id",
    "subscription_status_at",
  ],
  columns: {
    id: id(),
    name: varchar(255).notNull(),
    current_period_end: timestamptz(),
    trial_start: timestamptz(),
    trial_end: timestamptz(),
    partner_id: uuid(),
    plan: oneOf(20, ["individual", "starter", "pro", "enterprise"]).notNull().default("'starter'"),
    included_seats: integer().notNull().default("5"),
    active_user_count: integer().notNull().default("0"),
    seat_overage_cached: integer().notNull().default("0"),
    subscription_status: oneOf(20, ["none", "trialing", "active", "past_due", "canceled", "incomplete", "unpaid"])
      .notNull()
      .default("'none'"),
    extra_seats: integer().notNull().default("0"),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
});

export const users = defineTable({
  name: "users",
  scope: "global",
  isReplicated: true,
  conflict: "server-only",
  serverColumns: ["password_hash", "mfa_failed_attempts", "mfa_locked_until"],
  columns: {
    id: id(),
    email: varchar(255).notNull(),
    name: varchar(255).notNull(),
    locale: varchar(10).notNull().default("'en-GB'"),
    status: oneOf(20, ["active", "disabled"]).notNull().default("'active'"),
    mfa_enabled: boolean().notNull().default("false"),
    mfa_method: oneOf(20, ["email", "totp"]).notNull().default("'email'"),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
});

export const memberships = defineTable({
  name: "memberships",
  scope: "tenant",
  isReplicated: true,
  conflict: "server-only",
  columns: {
    id: id(),
    organisation_id: tenant(),
    user_id: uuid().notNull(),
    role: oneOf(50, ["admin", "manager", "staff"]).notNull(),
    status: oneOf(20, ["active", "pending", "disabled"]).notNull().default("'active'"),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
});

export const partners = defineTable({
  name: "partners",
  scope: "global",
  isReplicated: false,
  conflict: "server-only",
  columns: {
    id: id(),
    name: varchar(255).notNull(),
    support_email: varchar(255).notNull(),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
});

export const partnerMemberships = defineTable({
  name: "partner_memberships",
  scope: "global",
  isReplicated: false,
  conflict: "server-only",
  columns: {
    id: id(),
    partner_id: uuid().notNull(),
    user_id: uuid().notNull(),
    role: oneOf(50, ["partner_admin"]).notNull(),
    created_at: createdAt(),
  },
});

export const orgBranding = defineTable({
  name: "org_branding",
  scope: "tenant",
  isReplicated: true,
  conflict: "server-only",
  columns: {
    id: id(),
    organisation_id: tenant(),
    product_name: varchar(255).notNull(),
    logo_url: text(),
    primary_color: varchar(7).notNull().default("'#0ea5e9'"),
    accent_color: varchar(7).notNull().default("'#22c55e'"),
    email_from_name: varchar(255).notNull(),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
});

export const orgDomains = defineTable({
  name: "org_domains",
  scope: "tenant",
  isReplicated: false,
  conflict: "server-only",
  columns: {
    id: id(),
    organisation_id: tenant(),
    hostname: varchar(255).notNull(),
    is_verified: boolean().notNull().default("false"),
    created_at: createdAt(),
  },
});

export const organisationAddons = defineTable({
  name: "organisation_addons",
  scope: "tenant",
  isReplicated: false,
  conflict: "server-only",
  columns: {
    id: id(),
    organisation_id: tenant(),
    price_id: text().notNull(),
    name: varchar(255).notNull(),
    created_at: createdAt(),
  },
});
