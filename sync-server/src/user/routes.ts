import { userApi } from "@worktrackr/shared-schema";
import { Hono } from "hono";
import { brandingFor } from "../auth/branding.js";
import { checkPassword, hashPassword, passwordWeakness } from "../auth/password.js";
import { invalidateUserSessions } from "../auth/sessions.js";
import { loadTotp, refuseCode, useTotpCode } from "../auth/totp.js";
import { type AuthEnv, authenticate, type Viewer } from "../auth/viewer.js";
import { passwordChangedEmail } from "../email/templates.js";
import { AppError } from "../http/app-error.js";
import { jsonBody } from "../http/validate.js";
import type { ServerDeps } from "../server-deps.js";

function profileOf(viewer: Viewer): userApi.Profile {
  return viewer.user;
}

/** The signed-in user's own account: /api/user. */
export function userRoutes(deps: ServerDeps) {
  const { db } = deps;

  /** Sensitive changes ask for the password again, and the authenticator code when 2FA uses one. */
  const reauthenticate = async (viewer: Viewer, currentPassword: string, code: string | undefined) => {
    const [user] = await db.sql<{
      password_hash: string;
    }>`select password_hash from users where id = ${viewer.user.id}`;
    if (!user || !(await checkPassword(user.password_hash, currentPassword)).isValid) {
      throw new AppError("unauthenticated", "Your current password is not right.", "currentPassword");
    }
    if (viewer.user.mfaEnabled && viewer.user.mfaMethod === "totp") {
      if (!code) throw new AppError("validation_failed", "code: enter the code from your authenticator app", "code");
      const totp = await loadTotp(db, deps.secretBox, viewer.user.id);
      const result = totp ? await useTotpCode(db, viewer.user.id, totp, code) : "wrong";
      if (result !== "accepted") throw refuseCode(result);
    }
  };

  // Per route, not use("*"): /api/user/members is its own sub-app under this prefix.
  const requireViewer = authenticate(deps);
  return new Hono<AuthEnv>()
    .get("/", requireViewer, (c) => c.json(profileOf(c.get("viewer"))))

    .put("/", requireViewer, async (c) => {
      const body = await jsonBody(c, userApi.ZUpdateProfile);
      const viewer = c.get("viewer");
      const [row] = await db.sql<{ name: string; locale: string }>`
        update users set name = coalesce(${body.name ?? null}, name), locale = coalesce(${body.locale ?? null}, locale)
        where id = ${viewer.user.id} returning name, locale`;
      return c.json({ ...profileOf(viewer), ...row });
    })

    .put("/password", requireViewer, async (c) => {
      const body = await jsonBody(c, userApi.ZChangePassword);
      const viewer = c.get("viewer");
      const [user] = await db.sql<{
        password_hash: string;
      }>`select password_hash from users where id = ${viewer.user.id}`;
      if (!user || !(await checkPassword(user.password_hash, body.currentPassword)).isValid) {
        throw new AppError("unauthenticated", "Your current password is not right.", "currentPassword");
      }
      const weakness = passwordWeakness(body.newPassword, [viewer.user.email, viewer.user.name]);
      if (weakness) throw new AppError("validation_failed", `newPassword: ${weakness}`, "newPassword");
      await db.sql`update users set password_hash = ${await hashPassword(body.newPassword)} where id = ${viewer.user.id}`;
      // Anyone else holding a session with the old password is signed out; this device stays in.
      await invalidateUserSessions(db, viewer.user.id, viewer.session.id);
      deps.mailer.send({
        to: viewer.user.email,
        ...passwordChangedEmail(await brandingFor(db, { userId: viewer.user.id }), viewer.user.name),
      });
      return c.json({ ok: true });
    })

    .put("/email", requireViewer, async (c) => {
      const body = await jsonBody(c, userApi.ZChangeEmail);
      const viewer = c.get("viewer");
      await reauthenticate(viewer, body.currentPassword, body.code);
      try {
        await db.sql`update users set email = ${body.email} where id = ${viewer.user.id}`;
      } catch (error) {
        if ((error as { code?: unknown }).code === "23505") {
          throw new AppError("conflict", "Another account already uses this email.", "email");
        }
        throw error;
      }
      return c.json({ ...profileOf(viewer), email: body.email });
    })

    .put("/mfa", requireViewer, async (c) => {
      const body = await jsonBody(c, userApi.ZEmailMfaSettings);
      const viewer = c.get("viewer");
      await reauthenticate(viewer, body.currentPassword, body.code);
      if (viewer.user.mfaEnabled && viewer.user.mfaMethod === "totp") {
        throw new AppError("conflict", "Turn off the authenticator app to use email codes instead.");
      }
      await db.sql`update users set mfa_enabled = ${body.enabled}, mfa_method = 'email' where id = ${viewer.user.id}`;
      return c.json({ ...profileOf(viewer), mfaEnabled: body.enabled, mfaMethod: "email" });
    });
}
