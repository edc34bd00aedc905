import { authApi } from "@worktrackr/shared-schema";
import { Hono } from "hono";
import { z } from "zod";
import { signInCodeEmail } from "../email/templates.js";
import { AppError } from "../http/app-error.js";
import { clientIp } from "../http/request-meta.js";
import { jsonBody } from "../http/validate.js";
import type { ServerDeps } from "../server-deps.js";
import { brandingFor } from "./branding.js";
import { assertMfaNotLocked, clearMfaFailures, recordMfaFailure } from "./mfa-lockout.js";
import { checkPassword, hashPassword, verifyPassword } from "./password.js";
import { findPendingLogin, finishPendingLogin, requirePendingLogin } from "./pending-login.js";
import { consume, limits } from "./rate-limit.js";
import { signIn } from "./sign-in.js";
import { randomDigits } from "./tokens.js";
import { enrolTotp, loadTotp, refuseCode, useTotpCode } from "./totp.js";
import { type AuthEnv, authenticate } from "./viewer.js";

const codeLifetimeMs = 10 * 60 * 1000;
const ZTotpSetupRequest = z.strictObject({ currentPassword: authApi.ZPassword });

/** Second factors: email codes and TOTP, at sign-in and in settings (/api/auth/mfa, /api/auth/totp). */
export function mfaRoutes(deps: ServerDeps) {
  const { db } = deps;
  const requireViewer = authenticate(deps);

  const limitCodeAttempt = async (userId: string, ip: string) => {
    await consume(db, `code:account:${userId}`, limits.codePerAccount, deps.now());
    await consume(db, `code:ip:${ip}`, limits.codePerIp, deps.now());
    await assertMfaNotLocked(db, userId, deps.now());
  };

  const requirePassword = async (userId: string, password: string) => {
    const [user] = await db.sql<{ password_hash: string }>`select password_hash from users where id = ${userId}`;
    if (!user || !(await checkPassword(user.password_hash, password)).isValid) {
      throw new AppError("unauthenticated", "Your current password is not right.", "currentPassword");
    }
  };

  return new Hono<AuthEnv>()
    .post("/mfa/challenge", async (c) => {
      const pending = await requirePendingLogin(c, deps);
      await consume(db, `mfa-email:account:${pending.userId}`, limits.emailCodePerAccount, deps.now());
      const code = randomDigits(6);
      const now = deps.now();
      const [user] = await db.sql<{
        email: string;
        name: string;
      }>`select email, name from users where id = ${pending.userId}`;
      if (!user)
        throw new AppError("unauthenticated", "Your sign-in has expired. Enter your email and password again.");
      // A new code replaces any earlier one.
      await db.sql`update mfa_challenges set used_at = ${now.toISOString()} where user_id = ${pending.userId} and used_at is null`;
      await db.sql`
        insert into mfa_challenges (user_id, code_hash, expires_at)
        values (${pending.userId}, ${await hashPassword(code)}, ${new Date(now.getTime() + codeLifetimeMs).toISOString()})`;
      const email = signInCodeEmail(await brandingFor(db, { userId: pending.userId }), user.name, code);
      deps.mailer.send({ to: user.email, ...email });
      return c.json({ sent: true });
    })

    .post("/mfa/verify", async (c) => {
      const { code } = await jsonBody(c, authApi.ZCodeRequest);
      const pending = await requirePendingLogin(c, deps);
      await limitCodeAttempt(pending.userId, clientIp(c, deps.trustProxy));
      const now = deps.now();
      const [challenge] = await db.sql<{ id: string; code_hash: string; attempts: number; max_attempts: number }>`
        select id, code_hash, attempts, max_attempts from mfa_challenges
        where user_id = ${pending.userId} and used_at is null and expires_at > ${now.toISOString()}
        order by created_at desc limit 1`;
      if (!challenge || challenge.attempts >= challenge.max_attempts) {
        throw new AppError("bad_request", "This code has expired. Ask for a new one.", "code");
      }
      if (!(await verifyPassword(challenge.code_hash, code))) {
        await db.sql`update mfa_challenges set attempts = attempts + 1 where id = ${challenge.id}`;
        await recordMfaFailure(db, pending.userId, now);
        throw refuseCode("wrong");
      }
      const [used] = await db.sql`
        update mfa_challenges set used_at = ${now.toISOString()} where id = ${challenge.id} and used_at is null returning 1`;
      if (!used) throw refuseCode("replayed");
      await clearMfaFailures(db, pending.userId);
      await finishPendingLogin(c, deps, pending);
      return c.json(await signIn(c, deps, pending.userId));
    })

    .post("/totp/setup", requireViewer, async (c) => {
      const { currentPassword } = await jsonBody(c, ZTotpSetupRequest);
      const viewer = c.get("viewer");
      await requirePassword(viewer.user.id, currentPassword);
      if (viewer.user.mfaEnabled && viewer.user.mfaMethod === "totp") {
        throw new AppError(
          "conflict",
          "An authenticator app is already set up. Turn it off first to set up a new one.",
        );
      }
      const branding = await brandingFor(db, { userId: viewer.user.id });
      const enrolment: authApi.TotpSetupResponse = await enrolTotp(
        db,
        deps.secretBox,
        viewer.user.id,
        viewer.user.email,
        branding.productName,
      );
      return c.json(enrolment);
    })

    .post("/totp/verify", async (c) => {
      const { code } = await jsonBody(c, authApi.ZCodeRequest);
      const pending = await findPendingLogin(c, deps);
      if (pending) {
        await limitCodeAttempt(pending.userId, clientIp(c, deps.trustProxy));
        const totp = await loadTotp(db, deps.secretBox, pending.userId);
        if (!totp?.enabledAt) throw new AppError("bad_request", "This account does not use an authenticator app.");
        const result = await useTotpCode(db, pending.userId, totp, code);
        if (result !== "accepted") {
          await recordMfaFailure(db, pending.userId, deps.now());
          throw refuseCode(result);
        }
        await clearMfaFailures(db, pending.userId);
        await finishPendingLogin(c, deps, pending);
        return c.json(await signIn(c, deps, pending.userId));
      }
      // Signed in: the first correct code turns the authenticator app on.
      await requireViewer(c, async () => {});
      const viewer = c.get("viewer");
      await limitCodeAttempt(viewer.user.id, clientIp(c, deps.trustProxy));
      const totp = await loadTotp(db, deps.secretBox, viewer.user.id);
      if (!totp) throw new AppError("bad_request", "Set up the authenticator app first.");
      if (totp.enabledAt) throw new AppError("conflict", "The authenticator app is already on.");
      const result = await useTotpCode(db, viewer.user.id, totp, code);
      if (result !== "accepted") {
        await recordMfaFailure(db, viewer.user.id, deps.now());
        throw refuseCode(result);
      }
      await clearMfaFailures(db, viewer.user.id);
      await db.begin(async (tx) => {
        await tx.sql`update user_totp set enabled_at = ${deps.now().toISOString()} where user_id = ${viewer.user.id}`;
        await tx.sql`update users set mfa_enabled = true, mfa_method = 'totp' where id = ${viewer.user.id}`;
      });
      return c.json({ enabled: true });
    })

    .post("/totp/disable", requireViewer, async (c) => {
      const { code, currentPassword } = await jsonBody(c, authApi.ZTotpDisableRequest);
      const viewer = c.get("viewer");
      await limitCodeAttempt(viewer.user.id, clientIp(c, deps.trustProxy));
      await requirePassword(viewer.user.id, currentPassword);
      const totp = await loadTotp(db, deps.secretBox, viewer.user.id);
      if (!totp?.enabledAt) throw new AppError("bad_request", "The authenticator app is not on.");
      const result = await useTotpCode(db, viewer.user.id, totp, code);
      if (result !== "accepted") {
        await recordMfaFailure(db, viewer.user.id, deps.now());
        throw refuseCode(result);
      }
      await db.begin(async (tx) => {
        await tx.sql`delete from user_totp where user_id = ${viewer.user.id}`;
        await tx.sql`update users set mfa_enabled = false, mfa_method = 'email' where id = ${viewer.user.id}`;
      });
      return c.json({ enabled: false });
    });
}
