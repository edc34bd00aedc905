import type { ApiError } from "@worktrackr/shared-schema";
import { Hono } from "hono";
import type { Logger } from "pino";
import type { Db } from "./db/db.js";
import { healthRoutes } from "./health/routes.js";
import { errorHandler } from "./http/error-handler.js";
import { webRoutes } from "./web/static.js";

export interface AppDeps {
  readonly db: Db;
  readonly logger: Logger;
  /** The built PWA to serve; undefined serves the API alone. */
  readonly clientDist: string | undefined;
}

/** The whole HTTP surface: the API first, then /health, then the PWA with its SPA fallback. */
export function createApp({ db, logger, clientDist }: AppDeps) {
  const api = new Hono().all("*", (c) => {
    const body: ApiError = { error: { code: "not_found", message: `No API route ${c.req.method} ${c.req.path}.` } };
    return c.json(body, 404);
  });

  const app = new Hono().route("/api", api).route("/health", healthRoutes(db));
  if (clientDist) app.route("/", webRoutes(clientDist));
  app.onError(errorHandler(logger));
  return app;
}
export type App = ReturnType<typeof createApp>;
