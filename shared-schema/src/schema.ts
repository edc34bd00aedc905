import {
  memberships,
  organisationAddons,
  organisations,
  orgBranding,
  orgDomains,
  partnerMemberships,
  partners,
  users,
} from "./tables/accounts.js";
import { contacts, crmEvents, customerServices, products } from "./tables/crm.js";
import { projects, tasks, taskUpdates, timeEntries, timesheets } from "./tables/field-work.js";
import { notificationPreferences, notifications } from "./tables/notifications.js";
import {
  approvals,
  attachments,
  comments,
  inspections,
  queues,
  tickets,
  ticketTemplates,
  workflows,
} from "./tables/service-desk.js";

/** Every table the app syncs or serves, by its SQL name. */
export const tables = {
  organisations,
  users,
  memberships,
  partners,
  partner_memberships: partnerMemberships,
  org_branding: orgBranding,
  org_domains: orgDomains,
  organisation_addons: organisationAddons,
  contacts,
  crm_events: crmEvents,
  products,
  customer_services: customerServices,
  queues,
  tickets,
  ticket_templates: ticketTemplates,
  comments,
  attachments,
  inspections,
  approvals,
  workflows,
  projects,
  tasks,
  task_updates: taskUpdates,
  timesheets,
  time_entries: timeEntries,
  notifications,
  notification_preferences: notificationPreferences,
} as const;

export type Tables = typeof tables;
export type TableName = keyof Tables;
export const tableNames = Object.keys(tables) as TableName[];

export function isTableName(name: string): name is TableName {
  return Object.hasOwn(tables, name);
}
