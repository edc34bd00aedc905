import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { AppError } from "./app-error.js";

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * CSRF defence for cookie-authenticated writes: the browser must show the request comes from the
 * app's own origin (Origin, or Sec-Fetch-Site when Origin is absent). Requests carrying no cookie
 * are not ambient-authority requests and pass; the Stripe webhook is mounted outside /api and is
 * verified by its signature instead.
 */
export function originCheck(allowedOrigins: ReadonlySet<string>): MiddlewareHandler {
  return async (c, next) => {
    if (!unsafeMethods.has(c.req.method)) return next();
    const origin = c.req.header("origin");
    if (origin !== undefined) {
      if (!allowedOrigins.has(origin)) throw new AppError("forbidden", "This request did not come from the app.");
      return next();
    }
    const site = c.req.header("sec-fetch-site");
    if (site !== undefined) {
      if (site !== "same-origin" && site !== "none")
        throw new AppError("forbidden", "This request did not come from the app.");
      return next();
    }
    const hasCookies = Object.keys(getCookie(c)).length > 0;
    if (hasCookies) throw new AppError("forbidden", "This request did not come from the app.");
    return next();
  };
}

/** The origins of APP_BASE_URL and every ALLOWED_HOSTS entry (a host, or a full origin). */
export function allowedOriginsOf(appBaseUrl: string, allowedHosts: readonly string[]): Set<string> {
  const origins = new Set([new URL(appBaseUrl).origin]);
  const protocol = new URL(appBaseUrl).protocol;
  for (const host of allowedHosts) {
    origins.add(host.includes("://") ? new URL(host).origin : `${protocol}//${host}`);
  }
  return origins;
}
