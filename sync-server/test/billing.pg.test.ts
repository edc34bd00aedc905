import { randomUUID } from "node:crypto";
import { protocolVersion } from "@worktrackr/shared-schema";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AccountsHarness, startAccountsHarness, strongPassword } from "./accounts-harness.js";
import { describeEachDatabase } from "./databases.js";
import { expectStatus, type TestBrowser } from "./http-client.js";
import { prices, StripeStandIn, signedEvent } from "./stripe-stand-in.js";

describeEachDatabase("billing with Stripe", (kind) => {
  let h: AccountsHarness;
  let stripe: StripeStandIn;
  beforeAll(async () => {
    stripe = new StripeStandIn();
    await stripe.start();
    h = await startAccountsHarness(kind, { billing: stripe.billing() });
  });
  afterAll(async () => {
    await h.close();
    await stripe.stop();
  });

  const webhook = (type: string, object: Record<string, unknown>, options: { id?: string; created?: number } = {}) => {
    const { payload, signature } = signedEvent(type, object, options);
    return h.app.request("/webhooks/stripe", {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": signature },
      body: payload,
    });
  };

  /** A registered organisation whose Stripe customer (made by the job queue) exists. */
  async function paidOrganisation(
    name: string,
  ): Promise<{ admin: TestBrowser; organisationId: string; customer: string }> {
    const admin = await h.register({ email: `admin@${name}.example.com`, organisationName: name });
    await h.deps.jobs.drain();
    const [org] = await h.test.db.sql<{ id: string; stripe_customer_id: string }>`
      select id, stripe_customer_id from organisations where name = ${name}`;
    expect(org?.stripe_customer_id).toMatch(/^cus_/);
    return { admin, organisationId: org?.id ?? "", customer: org?.stripe_customer_id ?? "" };
  }

  const subscription = (customer: string, status: string, extra: Record<string, unknown> = {}) => ({
    id: `sub_${customer}`,
    object: "subscription",
    customer,
    status,
    items: {
      object: "list",
      data: [
        { id: `si_plan_${customer}`, price: { id: prices.starter }, quantity: 1, current_period_end: 1_900_000_000 },
      ],
    },
    ...extra,
  });

  it("creates the organisation of a Checkout sign-up only when Stripe reports the payment", async () => {
    const start = await expectStatus<{ sessionId: string; url: string }>(
      await h.browser().post("/api/auth/start-signup", {
        name: "Pat Payer",
        email: "pat@checkout.example.com",
        password: strongPassword,
        organisationName: "Checkout Co",
        plan: "pro",
      }),
      201,
    );
    expect(start.url).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    const request = stripe.requests.find((r) => r.path === "/v1/checkout/sessions");
    expect(request?.body).toMatchObject({
      mode: "subscription",
      customer_email: "pat@checkout.example.com",
      "line_items[0][price]": prices.pro,
    });

    // The browser coming back proves nothing: there is no account yet.
    await expectStatus(
      await h.browser().post("/api/auth/login", { email: "pat@checkout.example.com", password: strongPassword }),
      401,
    );
    expect(
      (await expectStatus<{ status: string }>(await h.browser().get(`/api/auth/checkout/${start.sessionId}`), 200))
        .status,
    ).toBe("pending");

    const res = await webhook("checkout.session.completed", {
      id: start.sessionId,
      object: "checkout.session",
      customer: "cus_checkout",
      subscription: "sub_checkout",
      mode: "subscription",
    });
    expect(res.status).toBe(200);
    await h.deps.jobs.drain();
    const info = await expectStatus<{ organisation: { name: string; plan: string }; role: string }>(
      await h.browser().post("/api/auth/login", { email: "pat@checkout.example.com", password: strongPassword }),
      200,
    );
    expect(info).toMatchObject({ organisation: { name: "Checkout Co", plan: "pro" }, role: "admin" });
    const [org] = await h.test.db.sql`
      select stripe_customer_id, stripe_subscription_id, subscription_status, included_seats from organisations where name = 'Checkout Co'`;
    expect(org).toEqual({
      stripe_customer_id: "cus_checkout",
      stripe_subscription_id: "sub_checkout",
      subscription_status: "active",
      included_seats: 10,
    });
  });

  it("refuses a tampered webhook and handles the same event once however often it arrives", async () => {
    const { organisationId, customer } = await paidOrganisation("replay");
    const { payload, signature } = signedEvent("customer.subscription.updated", subscription(customer, "active"));
    const tampered = payload.replace('"active"', '"canceled"');
    const forged = await h.app.request("/webhooks/stripe", {
      method: "POST",
      headers: { "stripe-signature": signature },
      body: tampered,
    });
    expect(forged.status).toBe(400);
    const unsigned = await h.app.request("/webhooks/stripe", { method: "POST", body: payload });
    expect(unsigned.status).toBe(400);

    for (let i = 0; i < 3; i++) {
      const res = await h.app.request("/webhooks/stripe", {
        method: "POST",
        headers: { "stripe-signature": signature },
        body: payload,
      });
      expect(await res.json()).toEqual({ received: true, duplicate: i > 0 });
    }
    expect(await h.deps.jobs.drain()).toBe(1);
    const [org] = await h.test.db.sql`select subscription_status from organisations where id = ${organisationId}`;
    expect(org?.subscription_status).toBe("active");
  });

  it("keeps a cancelled subscription cancelled when a late 'updated' event arrives after 'deleted'", async () => {
    const { organisationId, customer } = await paidOrganisation("late");
    const t = Math.floor(Date.now() / 1000);
    await webhook("customer.subscription.created", subscription(customer, "active"), { created: t - 100 });
    await webhook("customer.subscription.deleted", subscription(customer, "canceled"), { created: t });
    await webhook("customer.subscription.updated", subscription(customer, "active"), { created: t - 50 });
    await h.deps.jobs.drain();
    const [org] = await h.test.db.sql`select subscription_status from organisations where id = ${organisationId}`;
    expect(org?.subscription_status).toBe("canceled");
  });

  it("asks for a seat when every seat is taken, adds one with proration, and then invites", async () => {
    const { admin, customer } = await paidOrganisation("seats");
    await webhook("customer.subscription.created", subscription(customer, "active"));
    await h.deps.jobs.drain();
    for (let i = 1; i <= 4; i++)
      await expectStatus(
        await admin.post("/api/user/members", { email: `crew${i}@seats.example.com`, role: "staff" }),
        201,
      );
    const full = await expectStatus<{ error: { code: string; message: string } }>(
      await admin.post("/api/user/members", { email: "crew5@seats.example.com", role: "staff" }),
      409,
    );
    expect(full.error.code).toBe("seat_limit");
    expect(full.error.message).toMatch(/All 5 seats are in use/);

    await expectStatus(await admin.post("/api/billing/update-seats", { extraSeats: 1 }), 200);
    const create = stripe.requests.find((r) => r.path === "/v1/subscription_items");
    expect(create?.body).toMatchObject({
      subscription: `sub_${customer}`,
      price: prices.additionalSeats,
      quantity: "1",
      proration_behavior: "create_prorations",
    });
    await expectStatus(await admin.post("/api/user/members", { email: "crew5@seats.example.com", role: "staff" }), 201);
    const sub = await expectStatus<{
      seats: { paid: number; used: number; extra: number };
      nextInvoiceEstimatePence: number;
    }>(await admin.get("/api/billing/subscription"), 200);
    expect(sub.seats).toEqual({ included: 5, extra: 1, used: 6, paid: 6 });
    expect(sub.nextInvoiceEstimatePence).toBe(4900 + 900);
  });

  it("lets exactly one of two simultaneous invitations take the last seat", async () => {
    const { admin } = await paidOrganisation("race");
    for (let i = 1; i <= 3; i++)
      await expectStatus(
        await admin.post("/api/user/members", { email: `m${i}@race.example.com`, role: "staff" }),
        201,
      );
    const [a, b] = await Promise.all([
      admin.post("/api/user/members", { email: "left@race.example.com", role: "staff" }),
      admin.post("/api/user/members", { email: "right@race.example.com", role: "staff" }),
    ]);
    expect([a?.status, b?.status].sort()).toEqual([201, 409]);
    const [count] = await h.test.db.sql<{ n: number }>`
      select count(*)::int as n from memberships m join organisations o on o.id = m.organisation_id where o.name = 'race'`;
    expect(count?.n).toBe(5);
  });

  it("makes an organisation read-only when its trial ends without a subscription: pulls work, writes wait with the reason", async () => {
    const admin = await h.register({ email: "admin@expired.example.com", organisationName: "Expired Co" });
    await h.test.db.sql`update organisations set trial_end = now() - interval '1 day' where name = 'Expired Co'`;
    const push = await admin.post("/api/sync/push", {
      clientId: "expired",
      protocolVersion,
      mutations: [
        {
          id: randomUUID(),
          table: "contacts",
          op: "upsert",
          row: { id: randomUUID(), name: "New customer" },
          hlc: `${new Date().toISOString()}-0000-expired`,
        },
      ],
    });
    const refused = await expectStatus<{ error: { code: string; message: string } }>(push, 402);
    expect(refused.error.code).toBe("read_only");
    expect(refused.error.message).toMatch(/trial has ended/);
    await expectStatus(await admin.get("/api/sync/pull?cursor=0&limit=100"), 200);
    await expectStatus(await admin.post("/api/tickets", { title: "Not now" }), 402);
    const state = await expectStatus<{ isReadOnly: boolean; trialDaysLeft: number }>(
      await admin.get("/api/billing/subscription"),
      200,
    );
    expect(state).toMatchObject({ isReadOnly: true, trialDaysLeft: 0 });
  });

  it("refuses new members in a read-only organisation, but still lets its admin remove one", async () => {
    const admin = await h.register({ email: "admin@lapsed.example.com", organisationName: "Lapsed Co" });
    const invited = await expectStatus<{ id: string }>(
      await admin.post("/api/user/members", { email: "crew@lapsed.example.com", role: "staff" }),
      201,
    );
    await h.test.db.sql`update organisations set trial_end = now() - interval '1 day' where name = 'Lapsed Co'`;

    const refused = await expectStatus<{ error: { code: string } }>(
      await admin.post("/api/user/members", { email: "more@lapsed.example.com", role: "staff" }),
      402,
    );
    expect(refused.error.code).toBe("read_only");
    await expectStatus(await admin.delete(`/api/user/members/${invited.id}`), 204);
  });

  it("emails the admins and notifies them in the app when a payment fails", async () => {
    const { organisationId, customer } = await paidOrganisation("unpaid");
    await webhook("customer.subscription.created", subscription(customer, "active"));
    await webhook("invoice.payment_failed", {
      id: "in_failed",
      object: "invoice",
      customer,
      amount_due: 4900,
      currency: "gbp",
      hosted_invoice_url: "https://invoice.stripe.test/in_failed",
    });
    await h.deps.jobs.drain();
    const mail = await h.inbox.waitFor("admin@unpaid.example.com", (m) => m.subject.includes("Payment failed"));
    expect(mail.text).toContain("https://invoice.stripe.test/in_failed");
    const [org] = await h.test.db.sql`select subscription_status from organisations where id = ${organisationId}`;
    expect(org?.subscription_status).toBe("past_due");
    const notices = await h.test.db.sql`select type from notifications where organisation_id = ${organisationId}`;
    expect(notices).toEqual([{ type: "billing.payment_failed" }]);
  });

  it("opens the customer portal for an admin, and refuses it to staff", async () => {
    const { admin, customer } = await paidOrganisation("portal");
    const { url } = await expectStatus<{ url: string }>(await admin.get("/api/billing/portal"), 200);
    expect(url).toMatch(/^https:\/\/billing\.stripe\.test\//);
    expect(
      stripe.requests.find((r) => r.path === "/v1/billing_portal/sessions" && r.body.customer === customer),
    ).toBeDefined();
    const html = await admin.request("GET", "/api/billing/portal", undefined, { accept: "text/html" });
    expect(html.status).toBe(303);
    expect(html.headers.get("location")).toMatch(/^https:\/\/billing\.stripe\.test\//);
  });
});

describeEachDatabase("billing without Stripe", (kind) => {
  let h: AccountsHarness;
  beforeAll(async () => {
    h = await startAccountsHarness(kind);
  });
  afterAll(async () => {
    await h.close();
  });

  it("says billing is not configured and lets the organisation run on its plan", async () => {
    const admin = await h.register({ email: "free@example.com" });
    const state = await expectStatus<{ configured: boolean; plan: string; isReadOnly: boolean }>(
      await admin.get("/api/billing/subscription"),
      200,
    );
    expect(state).toMatchObject({ configured: false, plan: "starter", isReadOnly: false });
    const portal = await expectStatus<{ error: { message: string } }>(await admin.get("/api/billing/portal"), 503);
    expect(portal.error.message).toMatch(/not configured/);
    await expectStatus(await admin.post("/api/tickets", { title: "Works" }), 201);
  });
});
