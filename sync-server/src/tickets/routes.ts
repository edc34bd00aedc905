import { randomUUID } from "node:crypto";
import { ticketPriorities, ticketStatuses } from "@worktrackr/shared-schema";
import { Hono } from "hono";
import { z } from "zod";
import { type AuthEnv, authenticate, tenantOf } from "../auth/viewer.js";
import type { Tx } from "../db/db.js";
import { fragment, idents } from "../db/sql-template.js";
import { AppError, notFound } from "../http/app-error.js";
import { jsonBody } from "../http/validate.js";
import type { ServerDeps } from "../server-deps.js";
import { applyServerMutation } from "../sync/server-mutation.js";
import { tableOf, visibleColumns } from "../sync/table-meta.js";
import { withTenant } from "../tenancy/tenant-context.js";

const ZListQuery = z.object({
  status: z.enum(ticketStatuses).optional(),
  priority: z.enum(ticketPriorities).optional(),
  assignee: z.uuid({ error: "must be a user id" }).optional(),
  queue: z.uuid({ error: "must be a queue id" }).optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

const ZId = z.uuid();
const ticketColumns = idents(visibleColumns(tableOf("tickets")));

/** The REST body of a new ticket: the device insert schema, with the id optional (the server makes one). */
const ZNewTicket = z.looseObject({ id: z.uuid().optional() });
const ZAttachmentBody = z.strictObject({
  filename: z.string().trim().min(1).max(255),
  content_sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: "must be a SHA-256 hex digest" }),
});

async function requireVisibleTicket(tx: Tx, organisationId: string, id: string, staffUserId: string | null) {
  const [ticket] = await tx.sql`
    select ${ticketColumns} from tickets
    where id = ${id} and organisation_id = ${organisationId}
      ${staffUserId ? fragment`and assignee_id = ${staffUserId}` : fragment``}`;
  if (!ticket) throw notFound("Ticket");
  return ticket;
}

/**
 * /api/tickets: the blueprint's REST routes for integrations. Reads see what the caller's role may
 * see; writes go through the sync engine, so devices receive them like any other change.
 */
export function ticketRoutes(deps: ServerDeps) {
  const { db } = deps;
  const context = (c: Parameters<typeof tenantOf>[0]) => ({ ...tenantOf(c), userId: c.get("viewer").user.id });

  return new Hono<AuthEnv>()
    .use("*", authenticate(deps))
    .get("/", async (c) => {
      const query = ZListQuery.parse(c.req.query());
      const tenant = context(c);
      const tickets = await withTenant(
        db,
        tenant,
        (tx) => tx.sql`
        select ${ticketColumns} from tickets
        where organisation_id = ${tenant.organisationId}
          ${tenant.role === "staff" ? fragment`and assignee_id = ${tenant.userId}` : fragment``}
          ${query.status ? fragment`and status = ${query.status}` : fragment``}
          ${query.priority ? fragment`and priority = ${query.priority}` : fragment``}
          ${query.assignee ? fragment`and assignee_id = ${query.assignee}` : fragment``}
          ${query.queue ? fragment`and queue_id = ${query.queue}` : fragment``}
          ${query.q ? fragment`and (title ilike ${`%${query.q}%`} or description ilike ${`%${query.q}%`})` : fragment``}
        order by created_at desc, id
        limit ${query.limit} offset ${query.offset}`,
      );
      return c.json({ tickets: [...tickets] });
    })

    .get("/:id", async (c) => {
      const tenant = context(c);
      const id = c.req.param("id");
      if (!ZId.safeParse(id).success) throw notFound("Ticket");
      const ticket = await withTenant(db, tenant, (tx) =>
        requireVisibleTicket(tx, tenant.organisationId, id, tenant.role === "staff" ? tenant.userId : null),
      );
      return c.json(ticket);
    })

    .post("/", async (c) => {
      const body = await jsonBody(c, ZNewTicket);
      const row = await applyServerMutation(
        db,
        context(c),
        "tickets",
        "upsert",
        { ...body, id: body.id ?? randomUUID() },
        deps.now(),
      );
      return c.json(row, 201);
    })

    .put("/:id", async (c) => {
      const id = c.req.param("id");
      if (!ZId.safeParse(id).success) throw notFound("Ticket");
      const body = await jsonBody(c, z.record(z.string(), z.unknown()));
      const tenant = context(c);
      // The row must exist for the caller: a PUT never creates, and never says another tenant's id exists.
      await withTenant(db, tenant, (tx) =>
        requireVisibleTicket(tx, tenant.organisationId, id, tenant.role === "staff" ? tenant.userId : null),
      );
      const row = await applyServerMutation(db, tenant, "tickets", "upsert", { ...body, id }, deps.now());
      return c.json(row);
    })

    .delete("/:id", async (c) => {
      const id = c.req.param("id");
      if (!ZId.safeParse(id).success) throw notFound("Ticket");
      const tenant = context(c);
      await withTenant(db, tenant, (tx) =>
        requireVisibleTicket(tx, tenant.organisationId, id, tenant.role === "staff" ? tenant.userId : null),
      );
      await applyServerMutation(db, tenant, "tickets", "delete", { id }, deps.now());
      return c.body(null, 204);
    })

    .post("/:id/comments", async (c) => {
      const id = c.req.param("id");
      if (!ZId.safeParse(id).success) throw notFound("Ticket");
      const body = await jsonBody(
        c,
        z.strictObject({ body: z.string().trim().min(1, { error: "must not be blank" }).max(20_000) }),
      );
      const row = await applyServerMutation(
        db,
        context(c),
        "comments",
        "upsert",
        { id: randomUUID(), ticket_id: id, body: body.body },
        deps.now(),
      );
      return c.json(row, 201);
    })

    .post("/:id/attachments", async (c) => {
      const id = c.req.param("id");
      if (!ZId.safeParse(id).success) throw notFound("Ticket");
      const body = await jsonBody(c, ZAttachmentBody);
      const tenant = context(c);
      const [blob] = await withTenant(
        db,
        tenant,
        (tx) => tx.sql<{ size_bytes: number; mime_type: string }>`
        select size_bytes, mime_type from file_blobs
        where organisation_id = ${tenant.organisationId} and sha256 = ${body.content_sha256}`,
      );
      if (!blob) {
        throw new AppError(
          "validation_failed",
          "content_sha256: upload the file first (PUT /api/files/<sha256>)",
          "content_sha256",
        );
      }
      const row = await applyServerMutation(
        db,
        tenant,
        "attachments",
        "upsert",
        {
          id: randomUUID(),
          ticket_id: id,
          filename: body.filename,
          file_url: `/api/files/${body.content_sha256}`,
          content_sha256: body.content_sha256,
          mime_type: blob.mime_type,
          size_bytes: Number(blob.size_bytes),
        },
        deps.now(),
      );
      return c.json(row, 201);
    });
}
