import { type PlanId, plans } from "@worktrackr/shared-schema";
import type { Tx } from "../db/db.js";

export interface NewOrganisation {
  readonly name: string;
  readonly plan: PlanId;
  readonly now: Date;
  /** When the trial ends; null for an organisation that starts on a paid subscription. */
  readonly trialEndsAt: Date | null;
  readonly partnerId?: string;
  readonly stripe?: { readonly customerId: string | null; readonly subscriptionId: string | null };
}

/**
 * Creates an organisation with its plan's seats and its branding, and sets the transaction's tenant
 * to it: row-level security is forced for the table owner too, so what follows (members) works
 * inside the new tenant. Every way an organisation comes to be (sign-up, Checkout, a partner, the
 * demo) goes through here.
 */
export async function createOrganisation(tx: Tx, org: NewOrganisation): Promise<string> {
  const [row] = await tx.sql<{ id: string }>`
    insert into organisations (name, plan, included_seats, partner_id, trial_start, trial_end,
                               stripe_customer_id, stripe_subscription_id, subscription_status, subscription_status_at)
    values (${org.name}, ${org.plan}, ${plans[org.plan].includedSeats}, ${org.partnerId ?? null}, ${org.now.toISOString()},
            ${org.trialEndsAt?.toISOString() ?? null}, ${org.stripe?.customerId ?? null}, ${org.stripe?.subscriptionId ?? null},
            ${org.stripe ? "active" : "none"}, ${org.stripe ? org.now.toISOString() : null})
    returning id`;
  if (!row) throw new Error("organisation was not created");
  await tx.sql`select set_config('app.organisation_id', ${row.id}, true)`;
  await tx.sql`
    insert into org_branding (organisation_id, product_name, email_from_name)
    values (${row.id}, 'WorkTrackr', ${org.name})`;
  return row.id;
}

/** The end of a trial that starts now. */
export const trialEnd = (now: Date, trialDays: number) => new Date(now.getTime() + trialDays * 86_400_000);
