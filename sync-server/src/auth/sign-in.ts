import type { Context } from "hono";
import type { Db } from "../db/db.js";
import { AppError } from "../http/app-error.js";
import { clientIp, userAgent } from "../http/request-meta.js";
import { isSecure, type ServerDeps } from "../server-deps.js";
import { writeCookie } from "./session-cookie.js";
import { sessionInfo } from "./session-info.js";
import { createSession, sessionExpiresAt } from "./sessions.js";
import { loadViewer } from "./viewer.js";

/** The organisation a fresh session starts in: the user's oldest active membership. */
async function defaultOrganisation(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.sql<{ organisation_id: string }>`
    select organisation_id from memberships where user_id = ${userId} and status = 'active'
    order by created_at limit 1`;
  return row?.organisation_id ?? null;
}

/**
 * Completes a sign-in: a new session (never a reused one, so a planted session id is worthless),
 * its cookie, and the session info the app starts from.
 */
export async function signIn(c: Context, deps: ServerDeps, userId: string, organisationId?: string) {
  const orgId = organisationId ?? (await defaultOrganisation(deps.db, userId));
  const { token, session } = await createSession(
    deps.db,
    userId,
    orgId,
    { userAgent: userAgent(c), ipAddress: clientIp(c, deps.trustProxy) },
    deps.now(),
  );
  const viewer = await loadViewer(deps.db, session);
  if (!viewer) throw new AppError("forbidden", "This account cannot sign in.");
  if (!viewer.organisationId && !viewer.isPartnerAdmin) {
    await deps.db.sql`delete from sessions where id = ${session.id}`;
    throw new AppError(
      "forbidden",
      "Your account is not an active member of any organisation. Ask your administrator.",
    );
  }
  writeCookie(c, isSecure(deps), "session", token, sessionExpiresAt(session));
  return sessionInfo(deps.db, viewer);
}
