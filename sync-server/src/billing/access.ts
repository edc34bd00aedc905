import type { Tx } from "../db/db.js";
import { AppError } from "../http/app-error.js";

export interface SubscriptionState {
  readonly subscription_status: string;
  readonly trial_end: string | null;
}

/**
 * Whether the organisation may change data: it has a live subscription, or its trial has not
 * ended. Otherwise it is read-only: everything is kept and readable, changes wait.
 */
export function isReadOnly(org: SubscriptionState, now: Date): boolean {
  if (["active", "trialing", "past_due"].includes(org.subscription_status)) return false;
  return org.trial_end !== null && Date.parse(org.trial_end) <= now.getTime();
}

export const readOnlyMessage =
  "Your organisation's trial has ended, so changes are paused. Nothing is lost: your data is kept and your devices keep what they recorded. An admin can choose a plan to carry on.";

/** Refuses a change in a read-only organisation, before anything is written. */
export async function assertWritable(tx: Tx, organisationId: string, now: Date): Promise<void> {
  const [org] = await tx.sql<SubscriptionState>`
    select subscription_status, trial_end from organisations where id = ${organisationId}`;
  if (org && isReadOnly(org, now)) throw new AppError("read_only", readOnlyMessage);
}
