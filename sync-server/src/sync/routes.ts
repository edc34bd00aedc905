import { minimumClientProtocolVersion, syncApi } from "@worktrackr/shared-schema";
import { Hono } from "hono";
import { z } from "zod";
import { type AuthEnv, authenticate, tenantOf } from "../auth/viewer.js";
import { AppError, notFound } from "../http/app-error.js";
import { jsonBody } from "../http/validate.js";
import type { ServerDeps } from "../server-deps.js";
import { withTenant } from "../tenancy/tenant-context.js";
import { pullChanges } from "./pull.js";
import { applyPush } from "./push.js";

const ZPullQuery = z.object({
  cursor: z.coerce.number({ error: "must be a number" }).int().min(0, { error: "must not be negative" }).default(0),
  limit: z.coerce.number().int().min(1).max(syncApi.maxPullLimit).default(1000),
  protocol: z.coerce.number().int().positive().optional(),
});

/** A client built for an older protocol is told to update (the PWA reloads) instead of syncing. */
function checkProtocol(version: number | undefined): void {
  if (version !== undefined && version < minimumClientProtocolVersion) {
    throw new AppError(
      "upgrade_required",
      "This version of the app is out of date. Update it to keep syncing; your changes are kept.",
    );
  }
}

/** /api/sync: push, pull and the conflict inbox. */
export function syncRoutes(deps: ServerDeps) {
  const { db } = deps;
  return new Hono<AuthEnv>()
    .use("*", authenticate(deps))
    .post("/push", async (c) => {
      const body = await jsonBody(c, syncApi.ZPushEnvelope);
      checkProtocol(body.protocolVersion);
      const tenant = tenantOf(c);
      const valid: syncApi.Mutation[] = [];
      const malformed = new Map<string, syncApi.Ack>();
      for (const raw of body.mutations) {
        const parsed = syncApi.ZMutation.safeParse(raw);
        if (parsed.success) valid.push(parsed.data);
        else {
          const issue = parsed.error.issues[0];
          const reason = `${issue?.path.join(".") || "mutation"}: ${issue?.message ?? "is not valid"}`;
          malformed.set(raw.id, { id: raw.id, status: "rejected", code: "invalid", reason, row: null });
        }
      }
      const response = await applyPush(db, {
        tenant: { ...tenant, userId: c.get("viewer").user.id },
        clientId: body.clientId,
        mutations: valid,
        now: deps.now(),
      });
      const applied = new Map(response.acks.map((a) => [a.id, a]));
      const acks = body.mutations.flatMap((m) => {
        const ack = malformed.get(m.id) ?? applied.get(m.id);
        return ack ? [ack] : [];
      });
      return c.json({ ...response, acks });
    })

    .get("/pull", async (c) => {
      const query = ZPullQuery.parse(c.req.query());
      checkProtocol(query.protocol);
      const tenant = tenantOf(c);
      return c.json(
        await pullChanges(db, { ...tenant, userId: c.get("viewer").user.id }, query.cursor, query.limit, deps.now()),
      );
    })

    .get("/conflicts", async (c) => {
      const tenant = tenantOf(c);
      const userId = c.get("viewer").user.id;
      const conflicts = await withTenant(
        db,
        tenant,
        (tx) => tx.sql<syncApi.Conflict>`
        select id, table_name as "table", row_id as "rowId", field, rule, reason,
               winning_value as "winningValue", losing_value as "losingValue",
               winning_user_id as "winningUserId", losing_user_id as "losingUserId",
               mutation_id as "mutationId", created_at as "createdAt", seen_at as "seenAt"
        from sync_conflicts
        where organisation_id = ${tenant.organisationId} and (winning_user_id = ${userId} or losing_user_id = ${userId})
        order by created_at desc limit 200`,
      );
      return c.json({ conflicts: [...conflicts] });
    })

    .post("/conflicts/:id/seen", async (c) => {
      const tenant = tenantOf(c);
      const userId = c.get("viewer").user.id;
      const id = c.req.param("id");
      if (!z.uuid().safeParse(id).success) throw notFound("Conflict");
      const [seen] = await withTenant(
        db,
        tenant,
        (tx) => tx.sql`
        update sync_conflicts set seen_at = coalesce(seen_at, now())
        where id = ${id} and organisation_id = ${tenant.organisationId}
          and (winning_user_id = ${userId} or losing_user_id = ${userId})
        returning id`,
      );
      if (!seen) throw notFound("Conflict");
      return c.body(null, 204);
    });
}
