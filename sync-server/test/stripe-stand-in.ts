import { createServer, type IncomingMessage, type Server } from "node:http";
import Stripe from "stripe";
import { type Billing, createBilling } from "../src/billing/stripe.js";

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: Record<string, string>;
}

export const prices = {
  individual: "price_individual",
  starter: "price_starter",
  pro: "price_pro",
  enterprise: undefined,
  additionalSeats: "price_seats",
} as const;
export const webhookSecret = "whsec_test_worktrackr";

async function formOf(request: IncomingMessage): Promise<Record<string, string>> {
  let text = "";
  for await (const chunk of request) text += String(chunk);
  return Object.fromEntries(new URLSearchParams(text));
}

/**
 * Stripe's HTTP API, as far as WorkTrackr calls it, on a local port: the real SDK talks to it and
 * every request is recorded. Only Stripe is stood in for, and only at its HTTP boundary.
 */
export class StripeStandIn {
  readonly requests: RecordedRequest[] = [];
  #server: Server | undefined;
  #next = 1;
  port = 0;

  async start(): Promise<void> {
    this.#server = createServer((request, response) => {
      formOf(request).then(
        (body) => {
          const path = (request.url ?? "").split("?")[0] ?? "";
          this.requests.push({ method: request.method ?? "", path, body });
          const id = this.#next++;
          const reply = (status: number, value: unknown) => {
            response.writeHead(status, { "content-type": "application/json", "request-id": `req_${id}` });
            response.end(JSON.stringify(value));
          };
          if (path === "/v1/customers")
            return reply(200, {
              id: `cus_${id}`,
              object: "customer",
              email: body.email ?? null,
              name: body.name ?? null,
            });
          if (path === "/v1/checkout/sessions") {
            return reply(200, {
              id: `cs_test_${id}`,
              object: "checkout.session",
              mode: "subscription",
              url: `https://checkout.stripe.test/c/cs_test_${id}`,
            });
          }
          if (path === "/v1/billing_portal/sessions") {
            return reply(200, {
              id: `bps_${id}`,
              object: "billing_portal.session",
              customer: body.customer,
              url: `https://billing.stripe.test/p/session/${id}`,
            });
          }
          if (path === "/v1/subscription_items") {
            return reply(200, {
              id: `si_${id}`,
              object: "subscription_item",
              quantity: Number(body.quantity),
              price: { id: body.price },
            });
          }
          const item = /^\/v1\/subscription_items\/(si_\w+)$/.exec(path);
          if (item)
            return reply(200, {
              id: item[1],
              object: "subscription_item",
              quantity: Number(body.quantity),
              price: { id: prices.additionalSeats },
            });
          return reply(404, { error: { type: "invalid_request_error", message: `No stand-in for ${path}` } });
        },
        () => response.destroy(),
      );
    });
    await new Promise<void>((resolve) => this.#server?.listen(0, "127.0.0.1", () => resolve()));
    const address = this.#server.address();
    this.port = typeof address === "object" && address ? address.port : 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()));
  }

  billing(): Billing {
    const billing = createBilling({
      secretKey: "sk_test_worktrackr",
      webhookSecret,
      publishableKey: undefined,
      apiBase: `http://127.0.0.1:${this.port}`,
      prices,
    });
    if (!billing) throw new Error("billing not created");
    return billing;
  }
}

/** A Stripe event, as Stripe would send it, and the signature header made with Stripe's own helper. */
export function signedEvent(
  type: string,
  object: Record<string, unknown>,
  options: { id?: string; created?: number } = {},
) {
  const event = {
    id: options.id ?? `evt_${Math.random().toString(36).slice(2)}`,
    object: "event",
    type,
    created: options.created ?? Math.floor(Date.now() / 1000),
    api_version: "2025-01-01",
    livemode: false,
    data: { object },
  };
  const payload = JSON.stringify(event);
  const signature = new Stripe("sk_test_worktrackr").webhooks.generateTestHeaderString({
    payload,
    secret: webhookSecret,
  });
  return { payload, signature, event };
}
