import type { authApi, PlanId } from "@worktrackr/shared-schema";
import type { Db } from "../db/db.js";
import type { Viewer } from "./viewer.js";

/** What GET /api/auth/session (and every sign-in) tells the app about who is signed in. */
export async function sessionInfo(db: Db, viewer: Viewer): Promise<authApi.SessionInfo> {
  const memberships = await db.sql<authApi.SessionInfo["memberships"][number]>`
    select m.organisation_id as "organisationId", o.name as "organisationName", m.role, m.status
    from memberships m join organisations o on o.id = m.organisation_id
    where m.user_id = ${viewer.user.id}
    order by o.name`;
  const [organisation] = viewer.organisationId
    ? await db.sql<{ id: string; name: string; plan: PlanId }>`
        select id, name, plan from organisations where id = ${viewer.organisationId}`
    : [];
  return {
    user: viewer.user,
    organisation: organisation ?? null,
    role: viewer.role,
    isPartnerAdmin: viewer.isPartnerAdmin,
    memberships: [...memberships],
  };
}
