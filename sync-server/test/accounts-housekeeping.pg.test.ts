import { afterAll, beforeAll, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { purgeExpiredAuthRecords } from "../src/auth/cleanup.js";
import { sessionPolicy } from "../src/auth/sessions.js";
import { type AccountsHarness, startAccountsHarness, strongPassword } from "./accounts-harness.js";
import { describeEachDatabase } from "./databases.js";
import { expectStatus, TestBrowser } from "./http-client.js";
import { testDeps } from "./test-deps.js";

describeEachDatabase("accounts: housekeeping, https cookies and the development mailbox", (kind) => {
  let h: AccountsHarness;
  beforeAll(async () => {
    h = await startAccountsHarness(kind);
  });
  afterAll(async () => {
    await h.close();
  });

  it("purges expired sessions and rate-limit windows but keeps live ones", async () => {
    await h.register({ email: "old@example.com" });
    h.clock.advance(sessionPolicy.inactivityMs + 1000);
    await h.register({ email: "fresh@example.com" });
    await purgeExpiredAuthRecords(h.test.db, h.clock.now());
    const rows = await h.test.db.sql<{ email: string }>`
      select u.email from sessions s join users u on u.id = s.user_id order by u.email`;
    expect(rows.map((r) => r.email)).toEqual(["fresh@example.com"]);
  });

  it("uses Secure __Host- cookies when the app is served over https", async () => {
    const deps = { ...testDeps(h.test.db), appBaseUrl: "https://app.worktrackr.example.com" };
    const app = createApp(deps, { clientDist: undefined });
    const res = await app.request("/api/auth/register", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://app.worktrackr.example.com" },
      body: JSON.stringify({
        name: "Secure",
        email: "secure@example.com",
        password: strongPassword,
        organisationName: "Secure Co",
      }),
    });
    expect(res.status).toBe(201);
    const cookie = res.headers.getSetCookie()[0] ?? "";
    expect(cookie).toMatch(/^__Host-worktrackr_session=/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain=/);
  });

  it("keeps email in the development mailbox when no SMTP server is configured", async () => {
    const deps = testDeps(h.test.db);
    const app = createApp(deps, { clientDist: undefined });
    const b = new TestBrowser(app);
    await expectStatus(
      await b.post("/api/auth/register", {
        name: "Dev",
        email: "dev@example.com",
        password: strongPassword,
        organisationName: "Dev Co",
      }),
      201,
    );
    await b.post("/api/auth/request-password-reset", { email: "dev@example.com" });
    await deps.mailer.idle();
    const { messages } = await expectStatus<{ messages: { to: string; subject: string }[] }>(
      await b.get("/dev/mailbox/messages.json"),
      200,
    );
    expect(messages[0]).toMatchObject({ to: "dev@example.com", subject: "Reset your WorkTrackr password" });
    const page = await b.get("/dev/mailbox");
    expect(await page.text()).toContain("Reset your WorkTrackr password");
  });
});
