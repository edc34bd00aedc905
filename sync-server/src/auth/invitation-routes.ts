import { authApi } from "@worktrackr/shared-schema";
import { Hono } from "hono";
import { AppError } from "../http/app-error.js";
import { clientIp } from "../http/request-meta.js";
import { jsonBody } from "../http/validate.js";
import { refreshSeatCount } from "../members/seat-count.js";
import type { ServerDeps } from "../server-deps.js";
import { checkPassword, hashPassword, noPasswordYet, passwordWeakness } from "./password.js";
import { consume, limits } from "./rate-limit.js";
import { signIn } from "./sign-in.js";
import { sha256Hex } from "./tokens.js";

const expired = () =>
  new AppError("bad_request", "This invitation has expired or was already used. Ask for a new one.", "token");

/**
 * POST /api/auth/accept-invitation: a new user chooses their password; someone who already has an
 * account proves it with their password. Either way they join and are signed in.
 */
export function invitationRoutes(deps: ServerDeps) {
  const { db } = deps;
  return new Hono().post("/accept-invitation", async (c) => {
    const body = await jsonBody(c, authApi.ZAcceptInvitation);
    const now = deps.now();
    await consume(db, `invite:ip:${clientIp(c, deps.trustProxy)}`, limits.loginPerIp, now);
    const [invitation] = await db.sql<{
      id: string;
      organisation_id: string;
      user_id: string;
      email: string;
      password_hash: string;
      name: string;
    }>`
      select i.id, i.organisation_id, i.user_id, u.email, u.password_hash, u.name
      from invitations i join users u on u.id = i.user_id
      where i.token_hash = ${sha256Hex(body.token)} and i.accepted_at is null and i.expires_at > ${now.toISOString()}`;
    if (!invitation) throw expired();

    const hasAccount = invitation.password_hash !== noPasswordYet;
    let newHash: string | undefined;
    if (hasAccount) {
      if (!(await checkPassword(invitation.password_hash, body.password)).isValid) {
        throw new AppError("unauthenticated", "You already have an account: enter its password to join.", "password");
      }
    } else {
      const weakness = passwordWeakness(body.password, [invitation.email, body.name ?? invitation.name]);
      if (weakness) throw new AppError("validation_failed", `password: ${weakness}`, "password");
      newHash = await hashPassword(body.password);
    }

    await db.begin(async (tx) => {
      await tx.sql`select set_config('app.organisation_id', ${invitation.organisation_id}, true)`;
      const [claimed] = await tx.sql`
        update invitations set accepted_at = ${now.toISOString()} where id = ${invitation.id} and accepted_at is null returning 1`;
      if (!claimed) throw expired();
      if (newHash) {
        await tx.sql`
          update users set password_hash = ${newHash}, name = coalesce(${body.name ?? null}, name) where id = ${invitation.user_id}`;
      }
      await tx.sql`
        update memberships set status = 'active'
        where organisation_id = ${invitation.organisation_id} and user_id = ${invitation.user_id} and status = 'pending'`;
      await refreshSeatCount(tx, invitation.organisation_id);
    });
    return c.json(await signIn(c, deps, invitation.user_id, invitation.organisation_id));
  });
}
