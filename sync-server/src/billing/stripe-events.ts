import { type PlanId, plans } from "@worktrackr/shared-schema";
import type Stripe from "stripe";
import { brandingFor } from "../auth/branding.js";
import type { Db, Tx } from "../db/db.js";
import { paymentFailedEmail } from "../email/templates.js";
import { refreshSeatCount } from "../members/seat-count.js";
import { createOrganisation } from "../organisations/create-organisation.js";
import type { ServerDeps } from "../server-deps.js";
import { planOfPrice } from "./stripe.js";

/** The Stripe events the webhook stores and hands to the job queue. */
export const handledEventTypes = new Set([
  "checkout.session.completed",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "invoice.payment_succeeded",
  "invoice.payment_failed",
]);

interface OrganisationRef {
  id: string;
  subscription_status: string;
  subscription_status_at: string | null;
  stripe_subscription_id: string | null;
}

async function organisationOfCustomer(db: Db | Tx, customerId: unknown): Promise<OrganisationRef | undefined> {
  if (typeof customerId !== "string") return undefined;
  const [org] = await db.sql<OrganisationRef>`
    select id, subscription_status, subscription_status_at, stripe_subscription_id
    from organisations where stripe_customer_id = ${customerId} for update`;
  return org;
}

const idOf = (value: unknown): string | undefined =>
  typeof value === "string"
    ? value
    : typeof value === "object" && value && "id" in value
      ? String(value.id)
      : undefined;

/** Checkout completed: the sign-up's organisation, admin and subscription are created now, once. */
async function completeCheckout(
  deps: ServerDeps,
  event: Stripe.Event,
  session: Stripe.Checkout.Session,
): Promise<void> {
  await deps.db.begin(async (tx) => {
    const [pending] = await tx.sql<{
      id: string;
      user_email: string;
      user_name: string;
      organisation_name: string;
      password_hash: string;
      plan: PlanId;
      status: string;
    }>`
      select id, user_email, user_name, organisation_name, password_hash, plan, status
      from checkout_sessions where session_id = ${session.id} for update`;
    if (!pending || pending.status === "completed") return;
    const at = new Date(event.created * 1000);
    const now = at.toISOString();
    const organisationId = await createOrganisation(tx, {
      name: pending.organisation_name,
      plan: pending.plan,
      now: at,
      trialEndsAt: null,
      stripe: { customerId: idOf(session.customer) ?? null, subscriptionId: idOf(session.subscription) ?? null },
    });
    const [existing] = await tx.sql<{ id: string }>`select id from users where lower(email) = ${pending.user_email}`;
    const userId =
      existing?.id ??
      (
        await tx.sql<{ id: string }>`
          insert into users (email, name, password_hash) values (${pending.user_email}, ${pending.user_name}, ${pending.password_hash})
          returning id`
      )[0]?.id;
    await tx.sql`insert into memberships (organisation_id, user_id, role) values (${organisationId}, ${userId}, 'admin')`;
    await refreshSeatCount(tx, organisationId);
    await tx.sql`
      update checkout_sessions set status = 'completed', completed_at = ${now}, created_organisation_id = ${organisationId},
             password_hash = null
      where id = ${pending.id}`;
  });
}

/**
 * A subscription's state, applied only if it is newer than what the organisation has: events
 * arrive out of order, and a cancelled subscription stays cancelled whatever arrives after.
 */
async function applySubscription(
  deps: ServerDeps,
  event: Stripe.Event,
  subscription: Stripe.Subscription,
): Promise<void> {
  const billing = deps.billing;
  await deps.db.begin(async (tx) => {
    const org = await organisationOfCustomer(tx, idOf(subscription.customer));
    if (!org) return;
    const isSameSubscription = org.stripe_subscription_id === subscription.id;
    if (isSameSubscription && org.subscription_status === "canceled") return;
    const at = new Date(event.created * 1000);
    if (isSameSubscription && org.subscription_status_at && Date.parse(org.subscription_status_at) > at.getTime())
      return;
    const status = event.type === "customer.subscription.deleted" ? "canceled" : subscription.status;
    const items = subscription.items?.data ?? [];
    const seatItem = items.find((i) => i.price?.id === billing?.prices.additionalSeats);
    const planItem = items.find((i) => i.price?.id !== billing?.prices.additionalSeats);
    const plan = billing ? planOfPrice(billing, planItem?.price?.id) : undefined;
    const periodEnd =
      planItem?.current_period_end ?? (subscription as unknown as { current_period_end?: number }).current_period_end;
    await tx.sql`select set_config('app.organisation_id', ${org.id}, true)`;
    await tx.sql`
      update organisations set
        stripe_subscription_id = ${subscription.id},
        subscription_status = ${status},
        subscription_status_at = ${at.toISOString()},
        plan_price_id = coalesce(${planItem?.price?.id ?? null}, plan_price_id),
        plan = coalesce(${plan ?? null}, plan),
        included_seats = coalesce(${plan ? plans[plan].includedSeats : null}, included_seats),
        stripe_seat_item_id = ${seatItem?.id ?? null},
        extra_seats = ${seatItem?.quantity ?? 0},
        current_period_end = ${periodEnd ? new Date(periodEnd * 1000).toISOString() : null}
      where id = ${org.id}`;
  });
}

async function paymentFailed(deps: ServerDeps, invoice: Stripe.Invoice): Promise<void> {
  const admins = await deps.db.begin(async (tx) => {
    const org = await organisationOfCustomer(tx, idOf(invoice.customer));
    if (!org) return [];
    await tx.sql`select set_config('app.organisation_id', ${org.id}, true)`;
    if (org.subscription_status === "active") {
      await tx.sql`update organisations set subscription_status = 'past_due' where id = ${org.id}`;
    }
    const rows = await tx.sql<{
      user_id: string;
      email: string;
      name: string;
      organisation_id: string;
      organisation_name: string;
    }>`
      select m.user_id, u.email, u.name, m.organisation_id, o.name as organisation_name
      from memberships m join users u on u.id = m.user_id join organisations o on o.id = m.organisation_id
      where m.organisation_id = ${org.id} and m.role = 'admin' and m.status = 'active'`;
    for (const admin of rows) {
      await tx.sql`
        insert into notifications (organisation_id, user_id, type, payload)
        values (${org.id}, ${admin.user_id}, 'billing.payment_failed',
                ${{ invoiceId: invoice.id, amountDue: invoice.amount_due, currency: invoice.currency, hostedInvoiceUrl: invoice.hosted_invoice_url ?? null }})`;
    }
    return rows;
  });
  for (const admin of admins) {
    const branding = await brandingFor(deps.db, { organisationId: admin.organisation_id });
    deps.mailer.send({
      to: admin.email,
      ...paymentFailedEmail(
        branding,
        admin.name,
        admin.organisation_name,
        invoice.hosted_invoice_url ?? `${deps.appBaseUrl}/settings/billing`,
      ),
    });
  }
}

async function paymentSucceeded(deps: ServerDeps, invoice: Stripe.Invoice): Promise<void> {
  await deps.db.begin(async (tx) => {
    const org = await organisationOfCustomer(tx, idOf(invoice.customer));
    if (!org) return;
    await tx.sql`select set_config('app.organisation_id', ${org.id}, true)`;
    if (org.subscription_status === "past_due" || org.subscription_status === "incomplete") {
      await tx.sql`update organisations set subscription_status = 'active' where id = ${org.id}`;
    }
  });
}

/** Handles one stored Stripe event (run by the job queue; every handler is safe to run again). */
export async function handleStripeEvent(deps: ServerDeps, event: Stripe.Event): Promise<void> {
  switch (event.type) {
    case "checkout.session.completed":
      return completeCheckout(deps, event, event.data.object);
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted":
      return applySubscription(deps, event, event.data.object);
    case "invoice.payment_failed":
      return paymentFailed(deps, event.data.object);
    case "invoice.payment_succeeded":
      return paymentSucceeded(deps, event.data.object);
    default:
      return;
  }
}
