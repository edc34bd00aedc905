import type { Db } from "../db/db.js";
import { RateLimitedError } from "../http/app-error.js";

const maxFailures = 5;
const lockMs = 15 * 60 * 1000;

/** Refuses second-factor attempts while the account is locked after repeated wrong codes. */
export async function assertMfaNotLocked(db: Db, userId: string, now: Date): Promise<void> {
  const [row] = await db.sql<{
    mfa_locked_until: string | null;
  }>`select mfa_locked_until from users where id = ${userId}`;
  const until = row?.mfa_locked_until ? Date.parse(row.mfa_locked_until) : 0;
  if (until > now.getTime()) throw new RateLimitedError(Math.ceil((until - now.getTime()) / 1000));
}

/** Counts a wrong code; the fifth in a row locks 2FA attempts for 15 minutes. */
export async function recordMfaFailure(db: Db, userId: string, now: Date): Promise<void> {
  await db.sql`
    update users set
      mfa_locked_until = case when mfa_failed_attempts + 1 >= ${maxFailures}
                              then ${new Date(now.getTime() + lockMs).toISOString()}::timestamptz else mfa_locked_until end,
      mfa_failed_attempts = case when mfa_failed_attempts + 1 >= ${maxFailures} then 0 else mfa_failed_attempts + 1 end
    where id = ${userId}`;
}

export async function clearMfaFailures(db: Db, userId: string): Promise<void> {
  await db.sql`update users set mfa_failed_attempts = 0, mfa_locked_until = null where id = ${userId}`;
}
