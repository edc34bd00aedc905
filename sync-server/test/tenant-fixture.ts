import { randomUUID } from "node:crypto";
import type { Db } from "../src/db/db.js";

export interface TenantFixture {
  readonly organisationId: string;
  readonly userId: string;
  readonly ticketId: string;
}

/**
 * One organisation with a row in every tenant-owned table, so isolation tests can probe each table.
 * A new tenant table needs a row here, or the isolation test says which table lacks one.
 */
export async function seedTenantFixture(db: Db, label: string): Promise<TenantFixture> {
  const organisationId = randomUUID();
  const userId = randomUUID();
  const ticketId = randomUUID();
  const taskId = randomUUID();
  const projectId = randomUUID();
  const contactId = randomUUID();
  const productId = randomUUID();
  const timesheetId = randomUUID();
  await db.begin(async (tx) => {
    await tx.sql`select set_config('app.organisation_id', ${organisationId}, true)`;
    await tx.sql`insert into organisations (id, name) values (${organisationId}, ${`Org ${label}`})`;
    await tx.sql`insert into users (id, email, name, password_hash)
                 values (${userId}, ${`${label}-${userId}@example.com`}, ${`User ${label}`}, 'x')`;
    await tx.sql`insert into memberships (organisation_id, user_id, role) values (${organisationId}, ${userId}, 'admin')`;
    await tx.sql`insert into org_branding (organisation_id, product_name, email_from_name)
                 values (${organisationId}, 'WorkTrackr', ${label})`;
    await tx.sql`insert into org_domains (organisation_id, hostname) values (${organisationId}, ${`${label}-${organisationId}.example.com`})`;
    await tx.sql`insert into organisation_addons (organisation_id, price_id, name) values (${organisationId}, 'price_x', 'Storage')`;
    const [reseller] = await tx.sql<{
      id: string;
    }>`insert into resellers (name) values (${`Reseller ${label}`}) returning id`;
    await tx.sql`insert into reseller_customers (reseller_id, organisation_id) values (${reseller?.id}, ${organisationId})`;
    await tx.sql`insert into contacts (id, organisation_id, name) values (${contactId}, ${organisationId}, 'Contact')`;
    await tx.sql`insert into crm_events (organisation_id, contact_id, title, start_at, end_at)
                 values (${organisationId}, ${contactId}, 'Call', now(), now())`;
    await tx.sql`insert into products (id, organisation_id, name) values (${productId}, ${organisationId}, 'Service')`;
    await tx.sql`insert into customer_services (organisation_id, contact_id, product_id)
                 values (${organisationId}, ${contactId}, ${productId})`;
    const [queue] = await tx.sql<{ id: string }>`
      insert into queues (organisation_id, name) values (${organisationId}, 'Queue') returning id`;
    await tx.sql`insert into tickets (id, organisation_id, queue_id, title, assignee_id)
                 values (${ticketId}, ${organisationId}, ${queue?.id}, ${`Ticket ${label}`}, ${userId})`;
    await tx.sql`insert into ticket_templates (organisation_id, name) values (${organisationId}, 'Template')`;
    await tx.sql`insert into comments (organisation_id, ticket_id, author_id, body) values (${organisationId}, ${ticketId}, ${userId}, 'Hi')`;
    await tx.sql`insert into attachments (organisation_id, ticket_id, uploader_id, file_url, filename)
                 values (${organisationId}, ${ticketId}, ${userId}, '/api/files/x', 'photo.jpg')`;
    await tx.sql`insert into file_blobs (organisation_id, sha256, size_bytes, mime_type, uploaded_by)
                 values (${organisationId}, ${"0".repeat(64)}, 3, 'image/jpeg', ${userId})`;
    await tx.sql`insert into inspections (organisation_id, ticket_id, inspector_id) values (${organisationId}, ${ticketId}, ${userId})`;
    await tx.sql`insert into approvals (organisation_id, ticket_id, requested_by) values (${organisationId}, ${ticketId}, ${userId})`;
    await tx.sql`insert into workflows (organisation_id, name, definition) values (${organisationId}, 'Flow', ${{ triggers: [] }})`;
    await tx.sql`insert into projects (id, organisation_id, name) values (${projectId}, ${organisationId}, 'Job')`;
    await tx.sql`insert into tasks (id, organisation_id, project_id, title, assignee_id)
                 values (${taskId}, ${organisationId}, ${projectId}, 'Task', ${userId})`;
    await tx.sql`insert into task_updates (organisation_id, task_id, author_id, status) values (${organisationId}, ${taskId}, ${userId}, 'done')`;
    await tx.sql`insert into timesheets (id, organisation_id, user_id, week_start) values (${timesheetId}, ${organisationId}, ${userId}, '2026-11-16')`;
    await tx.sql`insert into time_entries (organisation_id, user_id, ticket_id, timesheet_id, started_at, ended_at)
                 values (${organisationId}, ${userId}, ${ticketId}, ${timesheetId}, now() - interval '1 hour', now())`;
    await tx.sql`insert into notifications (organisation_id, user_id, ticket_id, type) values (${organisationId}, ${userId}, ${ticketId}, 'ticket.assigned')`;
    await tx.sql`insert into notification_preferences (organisation_id, user_id, notification_type)
                 values (${organisationId}, ${userId}, 'ticket.assigned')`;
    await tx.sql`insert into invitations (organisation_id, user_id, email, role, token_hash, expires_at)
                 values (${organisationId}, ${userId}, 'invitee@example.com', 'staff', 'hash', now() + interval '7 days')`;
    await tx.sql`insert into yjs_updates (organisation_id, doc_name, update)
                 values (${organisationId}, ${`tickets:${ticketId}:description`}, ${new Uint8Array([0, 0])})`;
    // sync_versions and change_log rows come from the sync triggers on the inserts above.
    await tx.sql`insert into applied_mutations (organisation_id, mutation_id, client_id, user_id, table_name, row_id, status, ack)
                 values (${organisationId}, ${randomUUID()}, 'device', ${userId}, 'tickets', ${ticketId}, 'applied', ${{ status: "applied" }})`;
    await tx.sql`insert into sync_conflicts (organisation_id, table_name, row_id, field, rule, reason)
                 values (${organisationId}, 'tickets', ${ticketId}, 'title', 'field-lww', 'later edit won')`;
  });
  return { organisationId, userId, ticketId };
}
