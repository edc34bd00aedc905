import { userApi } from "@worktrackr/shared-schema";
import { Hono } from "hono";
import { sessionInfo } from "../auth/session-info.js";
import { type AuthEnv, authenticate, loadViewer } from "../auth/viewer.js";
import type { Db } from "../db/db.js";
import { AppError, notFound } from "../http/app-error.js";
import { isUuid, jsonBody } from "../http/validate.js";
import type { ServerDeps } from "../server-deps.js";
import { createOrganisation, trialEnd } from "./create-organisation.js";

interface OrganisationRow {
  id: string;
  name: string;
  plan: userApi.OrganisationSummary["plan"];
  activeUserCount: number;
  createdAt: string;
}

/**
 * The organisations a user may act in: those they are an active member of, and for a partner admin
 * every organisation of their partner. Nobody sees any other.
 */
function accessibleOrganisations(db: Db, userId: string, onlyId?: string) {
  return db.sql<OrganisationRow>`
    select o.id, o.name, o.plan, o.active_user_count as "activeUserCount", o.created_at as "createdAt"
    from organisations o
    where (${onlyId ?? null}::uuid is null or o.id = ${onlyId ?? null}::uuid)
      and (exists (select 1 from memberships m where m.organisation_id = o.id and m.user_id = ${userId} and m.status = 'active')
        or exists (select 1 from partner_memberships pm where pm.partner_id = o.partner_id and pm.user_id = ${userId}))
    order by o.name`;
}

/** /api/organizations: list, create (partner admins), read one, switch the active one. */
export function organisationRoutes(deps: ServerDeps) {
  const { db } = deps;
  return new Hono<AuthEnv>()
    .use("*", authenticate(deps))
    .get("/", async (c) => {
      const organisations = await accessibleOrganisations(db, c.get("viewer").user.id);
      return c.json({ organisations: [...organisations] });
    })

    .post("/", async (c) => {
      const viewer = c.get("viewer");
      const body = await jsonBody(c, userApi.ZCreateOrganisation);
      const [partner] = await db.sql<{ partner_id: string }>`
        select partner_id from partner_memberships where user_id = ${viewer.user.id} order by created_at limit 1`;
      if (!partner) throw new AppError("forbidden", "Only a partner admin can create organisations.");
      const plan = body.plan ?? "starter";
      const now = deps.now();
      const id = await db.begin((tx) =>
        createOrganisation(tx, {
          name: body.name,
          plan,
          now,
          trialEndsAt: trialEnd(now, deps.trialDays),
          partnerId: partner.partner_id,
        }),
      );
      const [created] = await accessibleOrganisations(db, viewer.user.id, id);
      return c.json(created, 201);
    })

    .get("/:id", async (c) => {
      const id = c.req.param("id");
      const [organisation] = isUuid(id) ? await accessibleOrganisations(db, c.get("viewer").user.id, id) : [];
      if (!organisation) throw notFound("Organisation");
      return c.json(organisation);
    })

    .post("/switch", async (c) => {
      const { organisationId } = await jsonBody(c, userApi.ZSwitchOrganisation);
      const viewer = c.get("viewer");
      const [organisation] = await accessibleOrganisations(db, viewer.user.id, organisationId);
      if (!organisation) throw notFound("Organisation");
      await db.sql`update sessions set active_organisation_id = ${organisationId} where id = ${viewer.session.id}`;
      const switched = await loadViewer(db, { ...viewer.session, activeOrganisationId: organisationId });
      if (!switched) throw notFound("Organisation");
      return c.json(await sessionInfo(db, switched));
    });
}
