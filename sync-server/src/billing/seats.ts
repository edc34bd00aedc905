import type { Tx } from "../db/db.js";
import { AppError } from "../http/app-error.js";

export interface SeatCount {
  readonly paid: number;
  readonly used: number;
}

/**
 * Seats paid for (the plan's plus extra ones) and taken (active members and pending invitations).
 * Locks the organisation's row, so concurrent invitations count one after another.
 */
export async function lockSeats(tx: Tx, organisationId: string): Promise<SeatCount> {
  await tx.sql`select 1 from organisations where id = ${organisationId} for update`;
  return countSeats(tx, organisationId);
}

/** Seats paid for and taken, read without a lock (for showing them). */
export async function countSeats(tx: Tx, organisationId: string): Promise<SeatCount> {
  const [org] = await tx.sql<{ included_seats: number; extra_seats: number }>`
    select included_seats, extra_seats from organisations where id = ${organisationId}`;
  const [members] = await tx.sql<{ n: number }>`
    select count(*)::int as n from memberships where organisation_id = ${organisationId} and status in ('active', 'pending')`;
  return { paid: (org?.included_seats ?? 0) + (org?.extra_seats ?? 0), used: members?.n ?? 0 };
}

/** Refuses a new or re-enabled member when every seat is taken, saying how to add one. */
export async function assertSeatFree(tx: Tx, organisationId: string): Promise<void> {
  const seats = await lockSeats(tx, organisationId);
  if (seats.used >= seats.paid) {
    throw new AppError(
      "seat_limit",
      `All ${seats.paid} seats are in use. Add a seat to your plan to invite someone else, or disable a member to free one.`,
      "seats",
    );
  }
}
