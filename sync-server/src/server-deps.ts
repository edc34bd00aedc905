import type { Logger } from "pino";
import type { SecretBox } from "./auth/secret-box.js";
import type { Billing } from "./billing/stripe.js";
import type { Db } from "./db/db.js";
import type { Mailer } from "./email/mailer.js";
import type { BlobStore } from "./files/blob-store.js";
import type { JobQueue } from "./jobs/queue.js";

/** What the routes need from the outside world, built once at start-up (and by tests). */
export interface ServerDeps {
  readonly db: Db;
  readonly logger: Logger;
  readonly mailer: Mailer;
  /** Uploaded photos and documents, by content hash. */
  readonly files: BlobStore;
  readonly secretBox: SecretBox;
  /** The clock: injectable so tests can move time for expiries and TOTP steps. */
  readonly now: () => Date;
  /** The app's own origin, for links in emails and the origin check. */
  readonly appBaseUrl: string;
  readonly allowedHosts: readonly string[];
  readonly trustProxy: boolean;
  /** Stripe, when configured. */
  readonly billing: Billing | undefined;
  readonly trialDays: number;
  /** Slow work (Stripe calls, billing emails) after the request that decided it. */
  readonly jobs: JobQueue;
}

/** Cookies are Secure with the __Host- prefix when the app is served over https. */
export function isSecure(deps: Pick<ServerDeps, "appBaseUrl">): boolean {
  return deps.appBaseUrl.startsWith("https://");
}
