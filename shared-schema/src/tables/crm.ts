import { boolean, date, integer, numeric, text, textOneOf, timestamptz, uuid } from "../columns.js";
import { defineTable } from "../table.js";
import { createdAt, id, tenant, updatedAt } from "./common.js";

export const contacts = defineTable({
  name: "contacts",
  scope: "tenant",
  isReplicated: true,
  conflict: "field-lww",
  columns: {
    id: id(),
    organisation_id: tenant(),
    name: text().notNull(),
    type: textOneOf(["company", "individual"]).notNull().default("'company'"),
    email: text(),
    phone: text(),
    address: text(),
    notes: text(),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
});

export const crmEvents = defineTable({
  name: "crm_events",
  scope: "tenant",
  isReplicated: true,
  conflict: "field-lww",
  columns: {
    id: id(),
    organisation_id: tenant(),
    contact_id: uuid().refs("contacts"),
    title: text().notNull(),
    type: text(),
    start_at: timestamptz().notNull(),
    end_at: timestamptz().notNull(),
    assigned_user_id: uuid().refs("users"),
    status: text().notNull().default("'Planned'"),
    notes: text(),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
});

export const products = defineTable({
  name: "products",
  scope: "tenant",
  isReplicated: true,
  conflict: "field-lww",
  columns: {
    id: id(),
    organisation_id: tenant(),
    name: text().notNull(),
    category: text(),
    our_cost: numeric().notNull().default("0"),
    client_price: numeric().notNull().default("0"),
    unit: text(),
    active: boolean().notNull().default("true"),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
});

export const customerServices = defineTable({
  name: "customer_services",
  scope: "tenant",
  isReplicated: false,
  conflict: "field-lww",
  columns: {
    id: id(),
    organisation_id: tenant(),
    contact_id: uuid().notNull().refs("contacts"),
    product_id: uuid().notNull().refs("products"),
    quantity: integer().notNull().default("1"),
    notes: text(),
    renewal_date: date(),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
});
