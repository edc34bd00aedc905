import type { PlanId } from "@worktrackr/shared-schema";
import Stripe from "stripe";
import type { StripeConfig } from "../config/config.js";

/** Stripe, as configured; absent when STRIPE_SECRET_KEY is not set. */
export interface Billing {
  readonly stripe: Stripe;
  readonly webhookSecret: string;
  readonly prices: StripeConfig["prices"];
}

export function createBilling(config: StripeConfig | undefined): Billing | undefined {
  if (!config) return undefined;
  const base = config.apiBase ? new URL(config.apiBase) : undefined;
  const stripe = new Stripe(config.secretKey, {
    ...(base
      ? {
          host: base.hostname,
          port: Number(base.port || (base.protocol === "https:" ? 443 : 80)),
          protocol: base.protocol === "https:" ? "https" : "http",
        }
      : {}),
    maxNetworkRetries: 2,
    appInfo: { name: "WorkTrackr" },
  });
  return { stripe, webhookSecret: config.webhookSecret, prices: config.prices };
}

/** The Stripe price of a plan, or undefined when that plan is not sold through Checkout. */
export function priceOf(billing: Billing, plan: PlanId): string | undefined {
  return billing.prices[plan];
}

export function planOfPrice(billing: Billing, priceId: string | undefined): PlanId | undefined {
  for (const plan of ["individual", "starter", "pro", "enterprise"] as const) {
    if (priceId && billing.prices[plan] === priceId) return plan;
  }
  return undefined;
}
