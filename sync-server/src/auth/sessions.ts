import type { Db } from "../db/db.js";
import { randomToken, secretMatches, sha256Bytes } from "./tokens.js";

/** Lucia's session design, with ASVS level 2 timeouts. */
export const sessionPolicy = {
  inactivityMs: 10 * 24 * 60 * 60 * 1000,
  renewAfterMs: 60 * 60 * 1000,
  absoluteMs: 30 * 24 * 60 * 60 * 1000,
} as const;

export interface SessionRecord {
  readonly id: string;
  readonly userId: string;
  readonly activeOrganisationId: string | null;
  readonly createdAt: string;
  readonly lastActiveAt: string;
}

export interface SessionMeta {
  readonly userAgent: string | null;
  readonly ipAddress: string | null;
}

interface SessionRow {
  id: string;
  secret_hash: Uint8Array;
  user_id: string;
  active_organisation_id: string | null;
  created_at: string;
  last_active_at: string;
}

function toRecord(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    userId: row.user_id,
    activeOrganisationId: row.active_organisation_id,
    createdAt: row.created_at,
    lastActiveAt: row.last_active_at,
  };
}

/** The instant a session ends: inactivity or the absolute lifetime, whichever comes first. */
export function sessionExpiresAt(session: Pick<SessionRecord, "createdAt" | "lastActiveAt">): Date {
  return new Date(
    Math.min(
      Date.parse(session.lastActiveAt) + sessionPolicy.inactivityMs,
      Date.parse(session.createdAt) + sessionPolicy.absoluteMs,
    ),
  );
}

/** A new session; the token is `id.secret` and only the secret's SHA-256 is stored. */
export async function createSession(
  db: Db,
  userId: string,
  organisationId: string | null,
  meta: SessionMeta,
  now: Date,
): Promise<{ token: string; session: SessionRecord }> {
  const id = randomToken();
  const secret = randomToken();
  const [row] = await db.sql<SessionRow>`
    insert into sessions (id, secret_hash, user_id, active_organisation_id, created_at, last_active_at, user_agent, ip_address)
    values (${id}, ${sha256Bytes(secret)}, ${userId}, ${organisationId}, ${now.toISOString()}, ${now.toISOString()},
            ${meta.userAgent?.slice(0, 500) ?? null}, ${meta.ipAddress})
    returning id, secret_hash, user_id, active_organisation_id, created_at, last_active_at`;
  if (!row) throw new Error("session was not created");
  return { token: `${id}.${secret}`, session: toRecord(row) };
}

/**
 * The session a token names, if its secret matches and it has not expired; renews the inactivity
 * window at most hourly so validation is not a write on every request.
 */
export async function validateSessionToken(db: Db, token: string, now: Date): Promise<SessionRecord | null> {
  const [id, secret, extra] = token.split(".");
  if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 64) return null;
  const [row] = await db.sql<SessionRow>`
    select id, secret_hash, user_id, active_organisation_id, created_at, last_active_at from sessions where id = ${id}`;
  if (!row || !secretMatches(secret, row.secret_hash)) return null;
  const session = toRecord(row);
  if (now >= sessionExpiresAt(session)) {
    await db.sql`delete from sessions where id = ${id}`;
    return null;
  }
  if (now.getTime() - Date.parse(session.lastActiveAt) >= sessionPolicy.renewAfterMs) {
    await db.sql`update sessions set last_active_at = ${now.toISOString()} where id = ${id}`;
    return { ...session, lastActiveAt: now.toISOString() };
  }
  return session;
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
  await db.sql`delete from sessions where id = ${sessionId}`;
}

/** Ends every session of a user, or every one but the session making the request. */
export async function invalidateUserSessions(db: Db, userId: string, exceptSessionId?: string): Promise<void> {
  await db.sql`delete from sessions where user_id = ${userId} and id <> ${exceptSessionId ?? ""}`;
}
