import type { ApiError } from "@worktrackr/shared-schema";
import { Hono } from "hono";
import { invitationRoutes } from "./auth/invitation-routes.js";
import { mfaRoutes } from "./auth/mfa-routes.js";
import { passwordResetRoutes } from "./auth/password-reset-routes.js";
import { sessionRoutes } from "./auth/session-routes.js";
import { billingRoutes } from "./billing/routes.js";
import { checkoutSignupRoutes } from "./billing/signup-routes.js";
import { stripeWebhookRoutes } from "./billing/webhook-routes.js";
import { devMailboxRoutes } from "./email/dev-mailbox-routes.js";
import { filesRoutes } from "./files/routes.js";
import { healthRoutes } from "./health/routes.js";
import { errorHandler } from "./http/error-handler.js";
import { allowedOriginsOf, originCheck } from "./http/origin-check.js";
import { memberRoutes } from "./members/routes.js";
import { organisationRoutes } from "./organisations/routes.js";
import type { ServerDeps } from "./server-deps.js";
import { syncRoutes } from "./sync/routes.js";
import { ticketRoutes } from "./tickets/routes.js";
import { userRoutes } from "./user/routes.js";
import { webRoutes } from "./web/static.js";

export interface AppOptions {
  /** The built PWA to serve; undefined serves the API alone. */
  readonly clientDist: string | undefined;
}

/** The whole HTTP surface: the API first, then /health, then the PWA with its SPA fallback. */
export function createApp(deps: ServerDeps, { clientDist }: AppOptions) {
  const app = new Hono();
  app.use("/api/*", originCheck(allowedOriginsOf(deps.appBaseUrl, deps.allowedHosts)));
  app.route("/api/auth", sessionRoutes(deps));
  app.route("/api/auth", mfaRoutes(deps));
  app.route("/api/auth", passwordResetRoutes(deps));
  app.route("/api/auth", invitationRoutes(deps));
  app.route("/api/auth", checkoutSignupRoutes(deps));
  app.route("/api/billing", billingRoutes(deps));
  app.route("/api/user/members", memberRoutes(deps));
  app.route("/api/user", userRoutes(deps));
  app.route("/api/organizations", organisationRoutes(deps));
  app.route("/api/sync", syncRoutes(deps));
  app.route("/api/tickets", ticketRoutes(deps));
  app.route("/api/files", filesRoutes(deps, deps.files));
  app.all("/api/*", (c) => {
    const body: ApiError = { error: { code: "not_found", message: `No API route ${c.req.method} ${c.req.path}.` } };
    return c.json(body, 404);
  });
  app.route("/health", healthRoutes(deps.db));
  // Outside /api: no origin check (Stripe is not a browser); verified by its signature instead.
  app.route("/webhooks", stripeWebhookRoutes(deps));
  if (deps.mailer.devMailbox) app.route("/dev/mailbox", devMailboxRoutes(deps.mailer.devMailbox));
  if (clientDist) app.route("/", webRoutes(clientDist));
  app.onError(errorHandler(deps.logger));
  return app;
}
export type App = ReturnType<typeof createApp>;
