import type { Db } from "../db/db.js";
import { sessionPolicy } from "./sessions.js";

/** Deletes what can no longer be used: expired sessions, pending logins, codes, links and rate windows. */
export async function purgeExpiredAuthRecords(db: Db, now: Date): Promise<void> {
  const at = now.toISOString();
  await db.sql`
    delete from sessions
    where created_at < ${at}::timestamptz - make_interval(secs => ${sessionPolicy.absoluteMs / 1000})
       or last_active_at < ${at}::timestamptz - make_interval(secs => ${sessionPolicy.inactivityMs / 1000})`;
  await db.sql`delete from pending_logins where expires_at < ${at}`;
  await db.sql`delete from mfa_challenges where expires_at < ${at}::timestamptz - interval '1 day'`;
  await db.sql`delete from password_resets where expires_at < ${at}::timestamptz - interval '1 day'`;
  // Longest rate-limit window is an hour.
  await db.sql`delete from rate_limits where window_started_at < ${at}::timestamptz - interval '2 hours'`;
}
