import { migrate } from "@worktrackr/migrations";
import { createApp } from "../src/app.js";
import type { Billing } from "../src/billing/stripe.js";
import type { ServerDeps } from "../src/server-deps.js";
import { createTestDatabase, type DatabaseKind, type TestDatabase } from "./databases.js";
import { expectStatus, TestBrowser } from "./http-client.js";
import { SmtpInbox } from "./smtp-inbox.js";
import { TestClock, testDeps } from "./test-deps.js";

export interface AccountsHarness {
  readonly test: TestDatabase;
  readonly deps: ServerDeps;
  readonly app: ReturnType<typeof createApp>;
  readonly inbox: SmtpInbox;
  readonly clock: TestClock;
  browser(ip?: string): TestBrowser;
  /** Registers a new organisation and its admin; returns the signed-in browser. */
  register(who: { email: string; organisationName?: string; name?: string; password?: string }): Promise<TestBrowser>;
  close(): Promise<void>;
}

export const strongPassword = "correct horse battery staple";

/** A migrated database, the app wired to a real SMTP server, and helpers to play browsers. */
export async function startAccountsHarness(
  kind: DatabaseKind,
  options: { billing?: Billing } = {},
): Promise<AccountsHarness> {
  const test = await createTestDatabase(kind);
  await migrate(test.db);
  const inbox = new SmtpInbox();
  await inbox.start();
  const clock = new TestClock();
  const deps = testDeps(test.db, {
    clock,
    ...(options.billing ? { billing: options.billing } : {}),
    smtp: {
      host: "127.0.0.1",
      port: inbox.port,
      user: undefined,
      password: undefined,
      from: "WorkTrackr <no-reply@worktrackr.example.com>",
    },
  });
  const app = createApp(deps, { clientDist: undefined });
  let nextIp = 1;
  const browser = (ip?: string) => new TestBrowser(app, ip ?? `198.51.100.${nextIp++ % 250}`);
  return {
    test,
    deps,
    app,
    inbox,
    clock,
    browser,
    async register({ email, organisationName, name, password }) {
      const b = browser();
      await expectStatus(
        await b.post("/api/auth/register", {
          name: name ?? "Ada Admin",
          email,
          password: password ?? strongPassword,
          organisationName: organisationName ?? `Org of ${email}`,
        }),
        201,
      );
      return b;
    },
    async close() {
      await deps.mailer.idle();
      await inbox.stop();
      await test.drop();
    },
  };
}
