import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { createSecretBox } from "../src/auth/secret-box.js";
import { registerBillingJobs } from "../src/billing/jobs.js";
import type { Billing } from "../src/billing/stripe.js";
import type { Db } from "../src/db/db.js";
import { createMailer, type SmtpSettings } from "../src/email/mailer.js";
import { createDiskBlobStore } from "../src/files/blob-store.js";
import { JobQueue } from "../src/jobs/queue.js";
import type { ServerDeps } from "../src/server-deps.js";

export const testOrigin = "http://localhost:8787";

/** Real time, which tests can move forward (expiries, lockouts) without waiting. */
export class TestClock {
  #offsetMs = 0;
  now = (): Date => new Date(Date.now() + this.#offsetMs);
  advance(ms: number): void {
    this.#offsetMs += ms;
  }
}

/** Server dependencies for in-process tests: a silent logger, a fresh secrets key, a movable clock. */
export function testDeps(
  db: Db,
  options: { smtp?: SmtpSettings; clock?: TestClock; trustProxy?: boolean; billing?: Billing; trialDays?: number } = {},
): ServerDeps {
  const logger = pino({ level: "silent" });
  const clock = options.clock ?? new TestClock();
  const deps: ServerDeps = {
    db,
    logger,
    mailer: createMailer(options.smtp, "WorkTrackr <no-reply@worktrackr.example.com>", logger),
    files: createDiskBlobStore(mkdtempSync(join(tmpdir(), "wt-files-"))),
    secretBox: createSecretBox(crypto.getRandomValues(new Uint8Array(32))),
    now: clock.now,
    appBaseUrl: testOrigin,
    allowedHosts: [],
    trustProxy: options.trustProxy ?? true,
    billing: options.billing,
    trialDays: options.trialDays ?? 14,
    jobs: new JobQueue(db, logger, clock.now),
  };
  registerBillingJobs(deps);
  return deps;
}
