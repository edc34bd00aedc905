import type Stripe from "stripe";
import type { ServerDeps } from "../server-deps.js";
import { handleStripeEvent } from "./stripe-events.js";

/** The billing work the job queue runs: Stripe events, and Stripe customers for new organisations. */
export function registerBillingJobs(deps: ServerDeps): void {
  deps.jobs.handle("stripe-event", async (payload) => {
    await handleStripeEvent(deps, payload.event as Stripe.Event);
  });
  deps.jobs.handle("stripe-create-customer", async (payload) => {
    const billing = deps.billing;
    if (!billing) return;
    const organisationId = String(payload.organisationId);
    const [org] = await deps.db.sql<{ stripe_customer_id: string | null }>`
      select stripe_customer_id from organisations where id = ${organisationId}`;
    if (!org || org.stripe_customer_id) return;
    // The idempotency key makes a retried job find the customer the first try created.
    const customer = await billing.stripe.customers.create(
      { email: String(payload.email), name: String(payload.name), metadata: { organisationId } },
      { idempotencyKey: `customer-${organisationId}` },
    );
    await deps.db.begin(async (tx) => {
      await tx.sql`select set_config('app.organisation_id', ${organisationId}, true)`;
      await tx.sql`update organisations set stripe_customer_id = ${customer.id} where id = ${organisationId} and stripe_customer_id is null`;
    });
  });
}
