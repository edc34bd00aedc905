import { authApi } from "@worktrackr/shared-schema";
import { Hono } from "hono";
import { AppError, notFound } from "../http/app-error.js";
import { clientIp } from "../http/request-meta.js";
import { jsonBody } from "../http/validate.js";
import { refreshSeatCount } from "../members/seat-count.js";
import { createOrganisation, trialEnd } from "../organisations/create-organisation.js";
import { isSecure, type ServerDeps } from "../server-deps.js";
import { checkPassword, decoyPasswordHash, hashPassword, passwordWeakness } from "./password.js";
import { startPendingLogin } from "./pending-login.js";
import { clearLimit, consume, limits } from "./rate-limit.js";
import { clearCookie } from "./session-cookie.js";
import { sessionInfo } from "./session-info.js";
import { invalidateSession, invalidateUserSessions } from "./sessions.js";
import { signIn } from "./sign-in.js";
import { type AuthEnv, authenticate } from "./viewer.js";

const wrongCredentials = () => new AppError("unauthenticated", "The email or password is incorrect.");

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === "23505";
}

/** Sign-up, sign-in and the session itself: /api/auth. */
export function sessionRoutes(deps: ServerDeps) {
  const { db } = deps;
  const requireViewer = authenticate(deps);

  return new Hono<AuthEnv>()
    .post("/register", async (c) => {
      const body = await jsonBody(c, authApi.ZRegisterRequest);
      await consume(db, `register:ip:${clientIp(c, deps.trustProxy)}`, limits.registerPerIp, deps.now());
      const weakness = passwordWeakness(body.password, [body.email, body.email.split("@")[0] ?? "", body.name]);
      if (weakness) throw new AppError("validation_failed", `password: ${weakness}`, "password");
      const passwordHash = await hashPassword(body.password);
      const plan = body.plan ?? "starter";
      const now = deps.now();
      let userId: string;
      try {
        userId = await db.begin(async (tx) => {
          const [taken] = await tx.sql`select 1 from users where lower(email) = ${body.email}`;
          if (taken)
            throw new AppError("conflict", "An account with this email already exists. Sign in instead.", "email");
          const organisationId = await createOrganisation(tx, {
            name: body.organisationName,
            plan,
            now,
            trialEndsAt: trialEnd(now, deps.trialDays),
          });
          const [user] = await tx.sql<{ id: string }>`
            insert into users (email, name, password_hash) values (${body.email}, ${body.name}, ${passwordHash})
            returning id`;
          if (!user) throw new Error("user was not created");
          await tx.sql`insert into memberships (organisation_id, user_id, role) values (${organisationId}, ${user.id}, 'admin')`;
          await refreshSeatCount(tx, organisationId);
          // The Stripe customer is made after commit, by the job queue: a slow Stripe never fails a sign-up.
          if (deps.billing) {
            await deps.jobs.enqueue(
              "stripe-create-customer",
              { organisationId, email: body.email, name: body.organisationName },
              tx,
            );
          }
          return user.id;
        });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new AppError("conflict", "An account with this email already exists. Sign in instead.", "email");
        }
        throw error;
      }
      return c.json(await signIn(c, deps, userId), 201);
    })

    .post("/login", async (c) => {
      const body = await jsonBody(c, authApi.ZLoginRequest);
      const now = deps.now();
      const accountKey = `login:account:${body.email}`;
      await consume(db, `login:ip:${clientIp(c, deps.trustProxy)}`, limits.loginPerIp, now);
      await consume(db, accountKey, limits.loginPerAccount, now);
      const [user] = await db.sql<{
        id: string;
        password_hash: string;
        status: string;
        mfa_enabled: boolean;
        mfa_method: "email" | "totp";
      }>`
        select id, password_hash, status, mfa_enabled, mfa_method from users where lower(email) = ${body.email}`;
      // An unknown email costs one password verification too, so timing does not reveal accounts.
      const check = await checkPassword(user?.password_hash ?? (await decoyPasswordHash()), body.password);
      if (!user || !check.isValid) throw wrongCredentials();
      if (user.status !== "active")
        throw new AppError("forbidden", "This account has been disabled. Contact your administrator.");
      await clearLimit(db, accountKey);
      if (check.needsRehash) {
        await db.sql`update users set password_hash = ${await hashPassword(body.password)} where id = ${user.id}`;
      }
      if (user.mfa_enabled) {
        await startPendingLogin(c, deps, user.id);
        const response: authApi.MfaRequired = { mfaRequired: true, methods: [user.mfa_method] };
        return c.json(response);
      }
      return c.json(await signIn(c, deps, user.id));
    })

    .get("/session", requireViewer, async (c) => c.json(await sessionInfo(db, c.get("viewer"))))

    .post("/logout", requireViewer, async (c) => {
      await invalidateSession(db, c.get("viewer").session.id);
      clearCookie(c, isSecure(deps), "session");
      return c.body(null, 204);
    })

    .post("/logout-all", requireViewer, async (c) => {
      await invalidateUserSessions(db, c.get("viewer").user.id);
      clearCookie(c, isSecure(deps), "session");
      return c.body(null, 204);
    })

    .get("/sessions", requireViewer, async (c) => {
      const viewer = c.get("viewer");
      const rows = await db.sql<{
        id: string;
        created_at: string;
        last_active_at: string;
        user_agent: string | null;
        ip_address: string | null;
      }>`
        select id, created_at, last_active_at, user_agent, ip_address from sessions
        where user_id = ${viewer.user.id} order by last_active_at desc`;
      const sessions: authApi.DeviceSession[] = rows.map((r) => ({
        id: r.id,
        createdAt: r.created_at,
        lastActiveAt: r.last_active_at,
        userAgent: r.user_agent,
        ipAddress: r.ip_address,
        isCurrent: r.id === viewer.session.id,
      }));
      return c.json({ sessions });
    })

    .delete("/sessions/:id", requireViewer, async (c) => {
      const viewer = c.get("viewer");
      const [ended] = await db.sql`
        delete from sessions where id = ${c.req.param("id")} and user_id = ${viewer.user.id} returning id`;
      if (!ended) throw notFound("Session");
      if (c.req.param("id") === viewer.session.id) clearCookie(c, isSecure(deps), "session");
      return c.body(null, 204);
    });
}
