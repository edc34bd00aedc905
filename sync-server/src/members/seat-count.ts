import type { Tx } from "../db/db.js";

/** Recounts the organisation's active members into its cached seat fields. */
export async function refreshSeatCount(tx: Tx, organisationId: string): Promise<void> {
  await tx.sql`
    update organisations o set
      active_user_count = c.n,
      seat_overage_cached = greatest(c.n - o.included_seats, 0)
    from (select count(*)::int as n from memberships where organisation_id = ${organisationId} and status = 'active') c
    where o.id = ${organisationId}`;
}
