import { existsSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";

/** Paths the PWA never owns: they answer from the API or 404, never with index.html. */
const serverPaths = /^\/(api|health|yjs|webhooks)(\/|$)/;

/**
 * Serves the built PWA with the SPA fallback. Hashed assets are cached for a year; the service
 * worker, the manifest and index.html are revalidated on every load so an update is noticed.
 */
export function webRoutes(clientDist: string) {
  const app = new Hono();
  if (!existsSync(join(clientDist, "index.html"))) {
    return app.get("*", (c) =>
      serverPaths.test(c.req.path)
        ? c.notFound()
        : c.text("The web app is not built yet: run `npm run build` (npm start does it for you).", 503),
    );
  }
  return app
    .use("*", async (c, next) => {
      if (serverPaths.test(c.req.path)) return c.notFound();
      await next();
      if (c.res.ok) {
        const isHashed = c.req.path.startsWith("/assets/");
        c.res.headers.set("Cache-Control", isHashed ? "public, max-age=31536000, immutable" : "no-cache");
      }
      return undefined;
    })
    .use("*", serveStatic({ root: clientDist }))
    .get("*", serveStatic({ root: clientDist, path: "index.html" }));
}
