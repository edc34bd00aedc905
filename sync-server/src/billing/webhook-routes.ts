import { Hono } from "hono";
import type Stripe from "stripe";
import { AppError } from "../http/app-error.js";
import type { ServerDeps } from "../server-deps.js";
import { handledEventTypes } from "./stripe-events.js";

/**
 * POST /webhooks/stripe: the raw body is verified with the signing secret (a tampered or forged
 * event is refused), each event id is stored once (a replay is acknowledged and ignored), and the
 * work is queued so Stripe gets its answer at once.
 */
export function stripeWebhookRoutes(deps: ServerDeps) {
  return new Hono().post("/stripe", async (c) => {
    const billing = deps.billing;
    if (!billing) throw new AppError("not_found", "Billing is not configured.");
    const signature = c.req.header("stripe-signature");
    const raw = await c.req.text();
    let event: Stripe.Event;
    try {
      if (!signature) throw new Error("no signature");
      event = await billing.stripe.webhooks.constructEventAsync(raw, signature, billing.webhookSecret);
    } catch {
      throw new AppError("bad_request", "The webhook signature is not valid.");
    }
    if (!handledEventTypes.has(event.type)) return c.json({ received: true, handled: false });
    const isNew = await deps.db.begin(async (tx) => {
      const [stored] = await tx.sql`
        insert into stripe_events (id, type) values (${event.id}, ${event.type}) on conflict (id) do nothing returning id`;
      if (stored) await deps.jobs.enqueue("stripe-event", { event }, tx);
      return stored !== undefined;
    });
    return c.json({ received: true, duplicate: !isNew });
  });
}
