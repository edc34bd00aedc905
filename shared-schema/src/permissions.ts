import type { TableName } from "./schema.js";

export const roles = ["admin", "manager", "staff"] as const;
export type Role = (typeof roles)[number];

/**
 * What each role may do beyond reading and writing rows. Route guards and the sync server read
 * this one table: admin everything; manager tickets, workflows, reports and the team; staff their
 * assigned tickets and their own time.
 */
export const capabilities = {
  "organisation.manage": ["admin"],
  "billing.manage": ["admin"],
  "members.manage": ["admin"],
  "members.view": ["admin", "manager"],
  "workflows.manage": ["admin", "manager"],
  "reports.view": ["admin", "manager"],
  "tickets.assign": ["admin", "manager"],
  "tickets.delete": ["admin"],
  "timesheets.approve": ["admin", "manager"],
  "projects.manage": ["admin", "manager"],
  "catalogue.manage": ["admin", "manager"],
} as const satisfies Record<string, readonly Role[]>;
export type Capability = keyof typeof capabilities;

/** Whether a role holds a capability. */
export function can(role: Role, capability: Capability): boolean {
  return (capabilities[capability] as readonly Role[]).includes(role);
}

/**
 * Which rows of the tenant a member sees (the device replica and every read).
 * - org: every member sees every row.
 * - assigned: admins and managers see all; staff only rows whose column names them.
 * - own: everyone sees only rows whose column names them (notifications, preferences).
 * - parent: the rows whose parent row the member sees (a ticket's comments).
 * - child: admins and managers see all; staff the rows with a child they see (their jobs).
 * - managers: admins and managers only.
 */
export type ReadScope =
  | { readonly kind: "org" }
  | { readonly kind: "assigned"; readonly column: string }
  | { readonly kind: "own"; readonly column: string }
  | { readonly kind: "parent"; readonly table: TableName; readonly column: string }
  | { readonly kind: "child"; readonly table: TableName; readonly column: string }
  | { readonly kind: "managers" };

export interface TableAccess {
  readonly read: ReadScope;
  /** Roles that may create rows (within what they can see). */
  readonly insert: readonly Role[];
  /** Roles that may change rows they can see. */
  readonly update: readonly Role[];
  readonly delete: readonly Role[];
}

const everyone = roles;
const managers = ["admin", "manager"] as const;
const admins = ["admin"] as const;
const nobody = [] as const;

/** Row access per table. Writes by devices are further bound by the table's conflict rule. */
export const tableAccess: Record<TableName, TableAccess> = {
  organisations: { read: { kind: "org" }, insert: nobody, update: admins, delete: nobody },
  users: { read: { kind: "org" }, insert: nobody, update: nobody, delete: nobody },
  memberships: { read: { kind: "org" }, insert: admins, update: admins, delete: admins },
  partners: { read: { kind: "managers" }, insert: nobody, update: nobody, delete: nobody },
  partner_memberships: { read: { kind: "managers" }, insert: nobody, update: nobody, delete: nobody },
  org_branding: { read: { kind: "org" }, insert: admins, update: admins, delete: admins },
  org_domains: { read: { kind: "managers" }, insert: admins, update: admins, delete: admins },
  organisation_addons: { read: { kind: "managers" }, insert: nobody, update: nobody, delete: nobody },
  contacts: { read: { kind: "org" }, insert: everyone, update: managers, delete: managers },
  crm_events: {
    read: { kind: "assigned", column: "assigned_user_id" },
    insert: managers,
    update: managers,
    delete: managers,
  },
  products: { read: { kind: "org" }, insert: managers, update: managers, delete: managers },
  customer_services: { read: { kind: "managers" }, insert: managers, update: managers, delete: managers },
  queues: { read: { kind: "org" }, insert: managers, update: managers, delete: admins },
  tickets: { read: { kind: "assigned", column: "assignee_id" }, insert: everyone, update: everyone, delete: admins },
  ticket_templates: { read: { kind: "org" }, insert: managers, update: managers, delete: managers },
  comments: {
    read: { kind: "parent", table: "tickets", column: "ticket_id" },
    insert: everyone,
    update: everyone,
    delete: managers,
  },
  attachments: {
    read: { kind: "parent", table: "tickets", column: "ticket_id" },
    insert: everyone,
    update: nobody,
    delete: managers,
  },
  inspections: {
    read: { kind: "parent", table: "tickets", column: "ticket_id" },
    insert: everyone,
    update: everyone,
    delete: managers,
  },
  approvals: {
    read: { kind: "parent", table: "tickets", column: "ticket_id" },
    insert: everyone,
    update: managers,
    delete: admins,
  },
  workflows: { read: { kind: "managers" }, insert: managers, update: managers, delete: managers },
  projects: {
    read: { kind: "child", table: "tasks", column: "project_id" },
    insert: managers,
    update: managers,
    delete: admins,
  },
  tasks: { read: { kind: "assigned", column: "assignee_id" }, insert: managers, update: everyone, delete: managers },
  task_updates: {
    read: { kind: "parent", table: "tasks", column: "task_id" },
    insert: everyone,
    update: nobody,
    delete: nobody,
  },
  timesheets: { read: { kind: "assigned", column: "user_id" }, insert: everyone, update: everyone, delete: nobody },
  time_entries: { read: { kind: "assigned", column: "user_id" }, insert: everyone, update: everyone, delete: everyone },
  notifications: { read: { kind: "own", column: "user_id" }, insert: nobody, update: everyone, delete: everyone },
  notification_preferences: {
    read: { kind: "own", column: "user_id" },
    insert: everyone,
    update: everyone,
    delete: everyone,
  },
};

/**
 * Ticket status moves a role may make. Staff work a ticket to resolved and may reopen it; closing
 * is for the office.
 */
export const ticketStatusTransitions: Record<Role, Readonly<Record<string, readonly string[]>>> = {
  admin: {
    open: ["pending", "resolved", "closed"],
    pending: ["open", "resolved", "closed"],
    resolved: ["open", "closed"],
    closed: ["open"],
  },
  manager: {
    open: ["pending", "resolved", "closed"],
    pending: ["open", "resolved", "closed"],
    resolved: ["open", "closed"],
    closed: ["open"],
  },
  staff: { open: ["pending", "resolved"], pending: ["open", "resolved"], resolved: ["open"], closed: [] },
};

/** Whether a role may move a ticket from one status to another. */
export function canMoveTicket(role: Role, from: string, to: string): boolean {
  return from === to || (ticketStatusTransitions[role][from] ?? []).includes(to);
}
