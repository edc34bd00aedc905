import type { Context } from "hono";
import { AppError } from "../http/app-error.js";
import { clientIp, userAgent } from "../http/request-meta.js";
import { isSecure, type ServerDeps } from "../server-deps.js";
import { clearCookie, readCookie, writeCookie } from "./session-cookie.js";
import { randomToken, secretMatches, sha256Bytes } from "./tokens.js";

/** A password was right; the second factor must follow within this time. */
const pendingLoginMs = 10 * 60 * 1000;

export async function startPendingLogin(c: Context, deps: ServerDeps, userId: string): Promise<void> {
  const id = randomToken();
  const secret = randomToken();
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + pendingLoginMs);
  // One pending login per user at a time: a new password entry replaces the old one.
  await deps.db.sql`delete from pending_logins where user_id = ${userId}`;
  await deps.db.sql`
    insert into pending_logins (id, secret_hash, user_id, created_at, expires_at, ip_address, user_agent)
    values (${id}, ${sha256Bytes(secret)}, ${userId}, ${now.toISOString()}, ${expiresAt.toISOString()},
            ${clientIp(c, deps.trustProxy)}, ${userAgent(c)})`;
  writeCookie(c, isSecure(deps), "pendingLogin", `${id}.${secret}`, expiresAt);
}

export interface PendingLogin {
  readonly id: string;
  readonly userId: string;
}

/** The pending login the cookie names, or undefined when there is none (or it expired). */
export async function findPendingLogin(c: Context, deps: ServerDeps): Promise<PendingLogin | undefined> {
  const token = readCookie(c, isSecure(deps), "pendingLogin");
  const [id, secret] = token?.split(".") ?? [];
  if (!id || !secret) return undefined;
  const [row] = await deps.db.sql<{ id: string; user_id: string; secret_hash: Uint8Array; expires_at: string }>`
    select id, user_id, secret_hash, expires_at from pending_logins where id = ${id}`;
  if (!row || !secretMatches(secret, row.secret_hash)) return undefined;
  if (Date.parse(row.expires_at) <= deps.now().getTime()) {
    await deps.db.sql`delete from pending_logins where id = ${id}`;
    return undefined;
  }
  return { id: row.id, userId: row.user_id };
}

export async function requirePendingLogin(c: Context, deps: ServerDeps): Promise<PendingLogin> {
  const pending = await findPendingLogin(c, deps);
  if (!pending) throw new AppError("unauthenticated", "Your sign-in has expired. Enter your email and password again.");
  return pending;
}

export async function finishPendingLogin(c: Context, deps: ServerDeps, pending: PendingLogin): Promise<void> {
  await deps.db.sql`delete from pending_logins where id = ${pending.id}`;
  clearCookie(c, isSecure(deps), "pendingLogin");
}
