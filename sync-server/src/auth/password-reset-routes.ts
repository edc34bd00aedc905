import { authApi } from "@worktrackr/shared-schema";
import { Hono } from "hono";
import { passwordChangedEmail, passwordResetEmail } from "../email/templates.js";
import { AppError } from "../http/app-error.js";
import { clientIp } from "../http/request-meta.js";
import { jsonBody } from "../http/validate.js";
import type { ServerDeps } from "../server-deps.js";
import { brandingFor } from "./branding.js";
import { hashPassword, passwordWeakness } from "./password.js";
import { consume, limits } from "./rate-limit.js";
import { invalidateUserSessions } from "./sessions.js";
import { randomToken, sha256Hex } from "./tokens.js";

const resetLifetimeMs = 60 * 60 * 1000;
const sentMessage = "If an account uses that email, a link to reset its password is on its way.";

/** Forgotten passwords: /api/auth/request-password-reset and /api/auth/reset-password. */
export function passwordResetRoutes(deps: ServerDeps) {
  const { db } = deps;
  return new Hono()
    .post("/request-password-reset", async (c) => {
      const { email } = await jsonBody(c, authApi.ZRequestPasswordReset);
      const now = deps.now();
      await consume(db, `reset:ip:${clientIp(c, deps.trustProxy)}`, limits.resetPerIp, now);
      await consume(db, `reset:account:${email}`, limits.resetPerAccount, now);
      const [user] = await db.sql<{ id: string; name: string; email: string }>`
        select id, name, email from users where lower(email) = ${email} and status = 'active'`;
      if (user) {
        const token = randomToken();
        await db.sql`
          insert into password_resets (user_id, token_hash, expires_at)
          values (${user.id}, ${sha256Hex(token)}, ${new Date(now.getTime() + resetLifetimeMs).toISOString()})`;
        const url = `${deps.appBaseUrl}/reset-password?token=${token}`;
        deps.mailer.send({
          to: user.email,
          ...passwordResetEmail(await brandingFor(db, { userId: user.id }), user.name, url),
        });
      }
      // The same answer whether or not the account exists.
      return c.json({ ok: true, message: sentMessage });
    })

    .post("/reset-password", async (c) => {
      const { token, password } = await jsonBody(c, authApi.ZResetPassword);
      const now = deps.now();
      const [reset] = await db.sql<{ id: string; user_id: string; email: string; name: string }>`
        select r.id, r.user_id, u.email, u.name from password_resets r join users u on u.id = r.user_id
        where r.token_hash = ${sha256Hex(token)} and r.used_at is null and r.expires_at > ${now.toISOString()}`;
      if (!reset)
        throw new AppError(
          "bad_request",
          "This reset link has expired or was already used. Ask for a new one.",
          "token",
        );
      const weakness = passwordWeakness(password, [reset.email, reset.email.split("@")[0] ?? "", reset.name]);
      if (weakness) throw new AppError("validation_failed", `password: ${weakness}`, "password");
      const passwordHash = await hashPassword(password);
      await db.begin(async (tx) => {
        const [claimed] = await tx.sql`
          update password_resets set used_at = ${now.toISOString()} where id = ${reset.id} and used_at is null returning 1`;
        if (!claimed)
          throw new AppError(
            "bad_request",
            "This reset link has expired or was already used. Ask for a new one.",
            "token",
          );
        await tx.sql`update users set password_hash = ${passwordHash}, mfa_failed_attempts = 0 where id = ${reset.user_id}`;
        // Every other outstanding link dies with this one.
        await tx.sql`update password_resets set used_at = ${now.toISOString()} where user_id = ${reset.user_id} and used_at is null`;
      });
      await invalidateUserSessions(db, reset.user_id);
      deps.mailer.send({
        to: reset.email,
        ...passwordChangedEmail(await brandingFor(db, { userId: reset.user_id }), reset.name),
      });
      return c.json({ ok: true, message: "Your password was changed. Sign in with the new one." });
    });
}
