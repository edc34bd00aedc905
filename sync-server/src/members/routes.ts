import { userApi } from "@worktrackr/shared-schema";
import { Hono } from "hono";
import { brandingFor } from "../auth/branding.js";
import { noPasswordYet } from "../auth/password.js";
import { randomToken, sha256Hex } from "../auth/tokens.js";
import { type AuthEnv, authenticate, requireCapability } from "../auth/viewer.js";
import { assertWritable } from "../billing/access.js";
import { assertSeatFree } from "../billing/seats.js";
import type { Tx } from "../db/db.js";
import { invitationEmail } from "../email/templates.js";
import { AppError, notFound } from "../http/app-error.js";
import { isUuid, jsonBody } from "../http/validate.js";
import type { ServerDeps } from "../server-deps.js";
import { withTenant } from "../tenancy/tenant-context.js";
import { refreshSeatCount } from "./seat-count.js";

const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;

interface MemberRow {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: userApi.Member["role"];
  status: userApi.Member["status"];
  createdAt: string;
}

async function findMember(tx: Tx, organisationId: string, membershipId: string): Promise<MemberRow> {
  const [member] = await tx.sql<MemberRow>`
    select m.id, m.user_id as "userId", u.name, u.email, m.role, m.status, m.created_at as "createdAt"
    from memberships m join users u on u.id = m.user_id
    where m.id = ${membershipId} and m.organisation_id = ${organisationId}`;
  if (!member) throw notFound("Member");
  return member;
}

/**
 * Refuses a change that would leave the organisation without an active admin. The admins' rows
 * are locked first so two concurrent demotions cannot both pass the check.
 */
async function assertAnotherAdminRemains(tx: Tx, organisationId: string, membershipId: string): Promise<void> {
  const admins = await tx.sql<{ id: string }>`
    select id from memberships where organisation_id = ${organisationId} and role = 'admin' and status = 'active'
    for update`;
  if (!admins.some((a) => a.id !== membershipId)) {
    throw new AppError(
      "conflict",
      "An organisation needs at least one active admin. Make someone else an admin first.",
    );
  }
}

/** The team: /api/user/members. Admins manage it; managers may look. */
export function memberRoutes(deps: ServerDeps) {
  const { db } = deps;
  return new Hono<AuthEnv>()
    .use("*", authenticate(deps))
    .get("/", async (c) => {
      const tenant = requireCapability(c, "members.view");
      const members = await withTenant(
        db,
        tenant,
        (tx) => tx.sql<MemberRow>`
        select m.id, m.user_id as "userId", u.name, u.email, m.role, m.status, m.created_at as "createdAt"
        from memberships m join users u on u.id = m.user_id
        where m.organisation_id = ${tenant.organisationId}
        order by u.name`,
      );
      return c.json({ members: [...members] });
    })

    .post("/", async (c) => {
      const tenant = requireCapability(c, "members.manage");
      const body = await jsonBody(c, userApi.ZInviteMember);
      const viewer = c.get("viewer");
      const token = randomToken();
      const now = deps.now();
      const { member, organisationName } = await withTenant(db, tenant, async (tx) => {
        // A lapsed trial pauses growth; removing people and changing roles still work.
        await assertWritable(tx, tenant.organisationId, now);
        await assertSeatFree(tx, tenant.organisationId);
        const [existing] = await tx.sql<{
          id: string;
          user_id: string;
        }>`select id from users where lower(email) = ${body.email}`;
        if (existing) {
          const [already] = await tx.sql`
            select 1 from memberships where organisation_id = ${tenant.organisationId} and user_id = ${existing.id}`;
          if (already) throw new AppError("conflict", "This person is already a member of the organisation.", "email");
        }
        const userId =
          existing?.id ??
          (
            await tx.sql<{ id: string }>`
              insert into users (email, name, password_hash)
              values (${body.email}, ${body.name ?? body.email.split("@")[0] ?? body.email}, ${noPasswordYet})
              returning id`
          )[0]?.id;
        const [membership] = await tx.sql<{ id: string }>`
          insert into memberships (organisation_id, user_id, role, status)
          values (${tenant.organisationId}, ${userId}, ${body.role}, 'pending') returning id`;
        await tx.sql`
          insert into invitations (organisation_id, user_id, email, role, token_hash, invited_by, expires_at)
          values (${tenant.organisationId}, ${userId}, ${body.email}, ${body.role}, ${sha256Hex(token)}, ${viewer.user.id},
                  ${new Date(now.getTime() + invitationLifetimeMs).toISOString()})`;
        const [org] = await tx.sql<{
          name: string;
        }>`select name from organisations where id = ${tenant.organisationId}`;
        return {
          member: await findMember(tx, tenant.organisationId, membership?.id ?? ""),
          organisationName: org?.name ?? "",
        };
      });
      const url = `${deps.appBaseUrl}/accept-invitation?token=${token}`;
      const branding = await brandingFor(db, { organisationId: tenant.organisationId });
      deps.mailer.send({ to: body.email, ...invitationEmail(branding, viewer.user.name, organisationName, url) });
      return c.json(member, 201);
    })

    .patch("/:id", async (c) => {
      const tenant = requireCapability(c, "members.manage");
      const body = await jsonBody(c, userApi.ZUpdateMember);
      const id = c.req.param("id");
      if (!isUuid(id)) throw notFound("Member");
      const member = await withTenant(db, tenant, async (tx) => {
        const current = await findMember(tx, tenant.organisationId, id);
        const losesAdmin =
          current.role === "admin" &&
          current.status === "active" &&
          ((body.role && body.role !== "admin") || body.status === "disabled");
        if (losesAdmin) await assertAnotherAdminRemains(tx, tenant.organisationId, id);
        if (body.status === "active" && current.status === "pending") {
          throw new AppError("conflict", "This person has not accepted their invitation yet.", "status");
        }
        if (body.status === "active" && current.status === "disabled") {
          await assertWritable(tx, tenant.organisationId, deps.now());
          await assertSeatFree(tx, tenant.organisationId);
        }
        await tx.sql`
          update memberships set role = coalesce(${body.role ?? null}, role), status = coalesce(${body.status ?? null}, status)
          where id = ${id} and organisation_id = ${tenant.organisationId}`;
        await refreshSeatCount(tx, tenant.organisationId);
        return findMember(tx, tenant.organisationId, id);
      });
      return c.json(member);
    })

    .delete("/:id", async (c) => {
      const tenant = requireCapability(c, "members.manage");
      const id = c.req.param("id");
      if (!isUuid(id)) throw notFound("Member");
      await withTenant(db, tenant, async (tx) => {
        const current = await findMember(tx, tenant.organisationId, id);
        if (current.role === "admin" && current.status === "active")
          await assertAnotherAdminRemains(tx, tenant.organisationId, id);
        await tx.sql`delete from invitations where organisation_id = ${tenant.organisationId} and user_id = ${current.userId}`;
        await tx.sql`delete from memberships where id = ${id} and organisation_id = ${tenant.organisationId}`;
        await refreshSeatCount(tx, tenant.organisationId);
      });
      return c.body(null, 204);
    });
}
