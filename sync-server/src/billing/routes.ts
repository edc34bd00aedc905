import { extraSeatMonthlyPence, type PlanId, plans } from "@worktrackr/shared-schema";
import { Hono } from "hono";
import { z } from "zod";
import { type AuthEnv, authenticate, requireCapability, tenantOf } from "../auth/viewer.js";
import { AppError } from "../http/app-error.js";
import { jsonBody } from "../http/validate.js";
import type { ServerDeps } from "../server-deps.js";
import { withTenant } from "../tenancy/tenant-context.js";
import { isReadOnly, readOnlyMessage } from "./access.js";
import { countSeats } from "./seats.js";

const ZUpdateSeats = z.strictObject({
  extraSeats: z.number({ error: "must be a number" }).int({ error: "must be a whole number" }).min(0).max(1000),
});

interface OrganisationBilling {
  plan: PlanId;
  subscription_status: string;
  trial_end: string | null;
  current_period_end: string | null;
  included_seats: number;
  extra_seats: number;
  active_user_count: number;
  stripe_customer_id: string | null;
  stripe_subscription_id: string | null;
  stripe_seat_item_id: string | null;
}

const notConfigured = () =>
  new AppError(
    "unavailable",
    "Billing is not configured on this server (STRIPE_SECRET_KEY): your organisation runs on its plan.",
  );

/** /api/billing: the plan and seats, the Stripe customer portal, and buying seats. */
export function billingRoutes(deps: ServerDeps) {
  const { db } = deps;
  const load = (organisationId: string, tenant: ReturnType<typeof tenantOf>) =>
    withTenant(db, tenant, async (tx) => {
      const [org] = await tx.sql<OrganisationBilling>`
        select plan, subscription_status, trial_end, current_period_end, included_seats, extra_seats, active_user_count,
               stripe_customer_id, stripe_subscription_id, stripe_seat_item_id
        from organisations where id = ${organisationId}`;
      if (!org) throw new AppError("not_found", "Organisation not found.");
      const seats = await countSeats(tx, organisationId);
      return { org, seats };
    });

  return new Hono<AuthEnv>()
    .use("*", authenticate(deps))
    .get("/subscription", async (c) => {
      // Everyone may see whether the organisation can change data; the figures are for admins.
      const tenant = tenantOf(c);
      const { org, seats } = await load(tenant.organisationId, tenant);
      const now = deps.now();
      const readOnly = isReadOnly(org, now);
      const base = {
        configured: deps.billing !== undefined,
        plan: org.plan,
        planName: plans[org.plan].name,
        status: org.subscription_status,
        trialEndsAt: org.trial_end,
        trialDaysLeft: org.trial_end
          ? Math.max(0, Math.ceil((Date.parse(org.trial_end) - now.getTime()) / 86_400_000))
          : null,
        isReadOnly: readOnly,
        readOnlyReason: readOnly ? readOnlyMessage : null,
      };
      if (tenant.role !== "admin") return c.json(base);
      const monthly = plans[org.plan].monthlyPence;
      return c.json({
        ...base,
        currentPeriodEnd: org.current_period_end,
        seats: { included: org.included_seats, extra: org.extra_seats, used: seats.used, paid: seats.paid },
        nextInvoiceEstimatePence: monthly === null ? null : monthly + org.extra_seats * extraSeatMonthlyPence,
      });
    })

    .get("/portal", async (c) => {
      const tenant = requireCapability(c, "billing.manage");
      const billing = deps.billing;
      if (!billing) throw notConfigured();
      const { org } = await load(tenant.organisationId, tenant);
      if (!org.stripe_customer_id)
        throw new AppError("conflict", "This organisation has no Stripe customer yet. Try again in a minute.");
      const session = await billing.stripe.billingPortal.sessions.create({
        customer: org.stripe_customer_id,
        return_url: `${deps.appBaseUrl}/settings/billing`,
      });
      if (c.req.header("accept")?.includes("text/html")) return c.redirect(session.url, 303);
      return c.json({ url: session.url });
    })

    .post("/update-seats", async (c) => {
      const tenant = requireCapability(c, "billing.manage");
      const { extraSeats } = await jsonBody(c, ZUpdateSeats);
      const billing = deps.billing;
      if (!billing) throw notConfigured();
      const { org, seats } = await load(tenant.organisationId, tenant);
      if (!plans[org.plan].allowsExtraSeats) {
        throw new AppError(
          "conflict",
          `The ${plans[org.plan].name} plan has no extra seats: move to Starter or Pro for more people.`,
        );
      }
      if (org.included_seats + extraSeats < seats.used) {
        throw new AppError(
          "conflict",
          `${seats.used} seats are in use: disable members before going down to ${org.included_seats + extraSeats}.`,
          "extraSeats",
        );
      }
      if (!org.stripe_subscription_id) throw new AppError("conflict", "Choose a plan before adding seats.");
      const item = org.stripe_seat_item_id
        ? await billing.stripe.subscriptionItems.update(org.stripe_seat_item_id, {
            quantity: extraSeats,
            proration_behavior: "create_prorations",
          })
        : await billing.stripe.subscriptionItems.create({
            subscription: org.stripe_subscription_id,
            price: billing.prices.additionalSeats,
            quantity: extraSeats,
            proration_behavior: "create_prorations",
          });
      await withTenant(
        db,
        tenant,
        (tx) => tx.sql`
        update organisations set extra_seats = ${extraSeats}, stripe_seat_item_id = ${item.id},
          seat_overage_cached = greatest(active_user_count - included_seats - ${extraSeats}, 0)
        where id = ${tenant.organisationId}`,
      );
      return c.json({ extraSeats, paidSeats: org.included_seats + extraSeats });
    });
}
