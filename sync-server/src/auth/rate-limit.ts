import type { Db } from "../db/db.js";
import { RateLimitedError } from "../http/app-error.js";

export interface Limit {
  readonly max: number;
  readonly windowSeconds: number;
}

/** Limits for what attackers try: guessing passwords, codes and flooding reset emails. */
export const limits = {
  loginPerAccount: { max: 10, windowSeconds: 15 * 60 },
  loginPerIp: { max: 50, windowSeconds: 15 * 60 },
  codePerAccount: { max: 10, windowSeconds: 15 * 60 },
  codePerIp: { max: 50, windowSeconds: 15 * 60 },
  resetPerAccount: { max: 3, windowSeconds: 60 * 60 },
  emailCodePerAccount: { max: 5, windowSeconds: 15 * 60 },
  resetPerIp: { max: 20, windowSeconds: 60 * 60 },
  registerPerIp: { max: 20, windowSeconds: 60 * 60 },
} as const satisfies Record<string, Limit>;

/**
 * Counts one attempt against a key in a fixed window kept in the database, so the limit holds
 * across server instances; throws RateLimitedError once the window's budget is spent.
 */
export async function consume(db: Db, key: string, limit: Limit, now: Date): Promise<void> {
  const [row] = await db.sql<{ hits: number; window_started_at: string }>`
    insert into rate_limits as r (key, window_started_at, hits) values (${key}, ${now.toISOString()}, 1)
    on conflict (key) do update set
      hits = case when r.window_started_at <= ${now.toISOString()}::timestamptz - make_interval(secs => ${limit.windowSeconds})
                  then 1 else r.hits + 1 end,
      window_started_at = case when r.window_started_at <= ${now.toISOString()}::timestamptz - make_interval(secs => ${limit.windowSeconds})
                  then ${now.toISOString()}::timestamptz else r.window_started_at end
    returning hits, window_started_at`;
  if (row && row.hits > limit.max) {
    const endsAt = Date.parse(row.window_started_at) + limit.windowSeconds * 1000;
    throw new RateLimitedError(Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)));
  }
}

/** Forgets an account's failures after it proved itself, so the owner is not locked out by old ones. */
export async function clearLimit(db: Db, key: string): Promise<void> {
  await db.sql`delete from rate_limits where key = ${key}`;
}
