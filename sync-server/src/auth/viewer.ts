import { type Capability, can, type Role } from "@worktrackr/shared-schema";
import type { Context, MiddlewareHandler } from "hono";
import type { Db } from "../db/db.js";
import { AppError } from "../http/app-error.js";
import { isSecure, type ServerDeps } from "../server-deps.js";
import type { TenantContext } from "../tenancy/tenant-context.js";
import { clearCookie, readCookie } from "./session-cookie.js";
import { type SessionRecord, validateSessionToken } from "./sessions.js";

/** The signed-in user making a request, and the organisation and role they act in. */
export interface Viewer {
  readonly session: SessionRecord;
  readonly user: {
    readonly id: string;
    readonly email: string;
    readonly name: string;
    readonly locale: string;
    readonly mfaEnabled: boolean;
    readonly mfaMethod: "email" | "totp";
  };
  readonly organisationId: string | null;
  readonly role: Role | null;
  readonly isPartnerAdmin: boolean;
}

export type AuthEnv = { Variables: { viewer: Viewer } };

interface ViewerRow {
  id: string;
  email: string;
  name: string;
  locale: string;
  status: string;
  mfa_enabled: boolean;
  mfa_method: "email" | "totp";
  role: Role | null;
  membership_status: string | null;
  is_partner_of_org: boolean;
  is_partner_admin: boolean;
}

/**
 * Re-reads the user and their membership on every request, so a disabled user or member loses
 * access at once rather than when their session expires. A partner admin acts as an admin in the
 * organisations of their partner.
 */
export async function loadViewer(db: Db, session: SessionRecord): Promise<Viewer | null> {
  const orgId = session.activeOrganisationId;
  const [row] = await db.sql<ViewerRow>`
    select u.id, u.email, u.name, u.locale, u.status, u.mfa_enabled, u.mfa_method,
           m.role, m.status as membership_status,
           exists (select 1 from partner_memberships pm join organisations o on o.partner_id = pm.partner_id
                   where pm.user_id = u.id and o.id = ${orgId}) as is_partner_of_org,
           exists (select 1 from partner_memberships pm where pm.user_id = u.id) as is_partner_admin
    from users u
    left join memberships m on m.user_id = u.id and m.organisation_id = ${orgId}
    where u.id = ${session.userId}`;
  if (row?.status !== "active") return null;
  let role: Role | null = null;
  if (orgId) {
    if (row.membership_status === "active" && row.role) role = row.role;
    else if (row.is_partner_of_org) role = "admin";
    else return null;
  }
  return {
    session,
    user: {
      id: row.id,
      email: row.email,
      name: row.name,
      locale: row.locale,
      mfaEnabled: row.mfa_enabled,
      mfaMethod: row.mfa_method,
    },
    organisationId: role ? orgId : null,
    role,
    isPartnerAdmin: row.is_partner_admin,
  };
}

/** Requires a valid session; the viewer is then c.get("viewer"). */
export function authenticate(deps: ServerDeps): MiddlewareHandler<AuthEnv> {
  const secure = isSecure(deps);
  return async (c, next) => {
    const token = readCookie(c, secure, "session");
    const session = token ? await validateSessionToken(deps.db, token, deps.now()) : null;
    const viewer = session ? await loadViewer(deps.db, session) : null;
    if (!viewer) {
      if (token) clearCookie(c, secure, "session");
      throw new AppError("unauthenticated", "Please sign in.");
    }
    c.set("viewer", viewer);
    await next();
  };
}

/** The tenant a request works in; refused when the user has not chosen an organisation. */
export function tenantOf(c: Context<AuthEnv>): TenantContext & { readonly role: Role } {
  const viewer = c.get("viewer");
  if (!viewer.organisationId || !viewer.role) {
    throw new AppError("forbidden", "Choose an organisation first.");
  }
  return { organisationId: viewer.organisationId, userId: viewer.user.id, role: viewer.role };
}

const capabilityRefusals: Record<Capability, string> = {
  "organisation.manage": "Only an admin can change the organisation's settings.",
  "billing.manage": "Only an admin can manage billing.",
  "members.manage": "Only an admin can manage members.",
  "members.view": "Only admins and managers can see the team.",
  "workflows.manage": "Only admins and managers can manage workflows.",
  "reports.view": "Only admins and managers can see reports.",
  "tickets.assign": "Only admins and managers can assign tickets.",
  "tickets.delete": "Only an admin can delete tickets.",
  "timesheets.approve": "Only admins and managers can approve timesheets.",
  "projects.manage": "Only admins and managers can manage jobs.",
  "catalogue.manage": "Only admins and managers can manage products.",
};

/** The tenant, if the viewer's role holds the capability (shared-schema's permissions table decides). */
export function requireCapability(
  c: Context<AuthEnv>,
  capability: Capability,
): TenantContext & { readonly role: Role } {
  const tenant = tenantOf(c);
  if (!can(tenant.role, capability)) throw new AppError("forbidden", capabilityRefusals[capability]);
  return tenant;
}
