import { authApi } from "@worktrackr/shared-schema";
import { Hono } from "hono";
import { z } from "zod";
import { hashPassword, passwordWeakness } from "../auth/password.js";
import { consume, limits } from "../auth/rate-limit.js";
import { AppError } from "../http/app-error.js";
import { clientIp } from "../http/request-meta.js";
import { jsonBody } from "../http/validate.js";
import type { ServerDeps } from "../server-deps.js";
import { priceOf } from "./stripe.js";

const ZStartSignup = authApi.ZRegisterRequest.extend({ plan: authApi.ZPlan });

/**
 * POST /api/auth/start-signup: a Stripe Checkout session for a new organisation. Nothing is created
 * until Stripe reports checkout.session.completed; the browser coming back proves nothing.
 * GET /api/auth/checkout/:sessionId tells the return page whether the account exists yet.
 */
export function checkoutSignupRoutes(deps: ServerDeps) {
  const { db } = deps;
  return new Hono()
    .post("/start-signup", async (c) => {
      const billing = deps.billing;
      if (!billing)
        throw new AppError("unavailable", "Paid sign-up is not available here: register for a trial instead.");
      const body = await jsonBody(c, ZStartSignup);
      await consume(db, `register:ip:${clientIp(c, deps.trustProxy)}`, limits.registerPerIp, deps.now());
      const weakness = passwordWeakness(body.password, [body.email, body.name]);
      if (weakness) throw new AppError("validation_failed", `password: ${weakness}`, "password");
      const price = priceOf(billing, body.plan);
      if (!price) throw new AppError("validation_failed", "plan: this plan is sold by our team: contact us", "plan");
      const [taken] = await db.sql`select 1 from users where lower(email) = ${body.email}`;
      if (taken) throw new AppError("conflict", "An account with this email already exists. Sign in instead.", "email");
      const session = await billing.stripe.checkout.sessions.create({
        mode: "subscription",
        customer_email: body.email,
        line_items: [{ price, quantity: 1 }],
        success_url: `${deps.appBaseUrl}/signup/complete?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${deps.appBaseUrl}/signup?cancelled=1`,
        metadata: { organisationName: body.organisationName, plan: body.plan },
      });
      await db.sql`
        insert into checkout_sessions (session_id, user_email, user_name, organisation_name, price_id, plan, password_hash)
        values (${session.id}, ${body.email}, ${body.name}, ${body.organisationName}, ${price}, ${body.plan},
                ${await hashPassword(body.password)})`;
      return c.json({ sessionId: session.id, url: session.url }, 201);
    })

    .get("/checkout/:sessionId", async (c) => {
      const sessionId = z.string().min(1).max(255).parse(c.req.param("sessionId"));
      const [row] = await db.sql<{
        status: string;
      }>`select status from checkout_sessions where session_id = ${sessionId}`;
      if (!row) throw new AppError("not_found", "Checkout session not found.");
      return c.json({ status: row.status });
    });
}
