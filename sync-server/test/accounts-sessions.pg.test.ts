import { hash as bcryptHash } from "@node-rs/bcrypt";
import type { authApi } from "@worktrackr/shared-schema";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sessionPolicy } from "../src/auth/sessions.js";
import { type AccountsHarness, startAccountsHarness, strongPassword } from "./accounts-harness.js";
import { describeEachDatabase } from "./databases.js";
import { expectStatus } from "./http-client.js";

describeEachDatabase("accounts: sign-up, sessions and sign-in", (kind) => {
  let h: AccountsHarness;
  beforeAll(async () => {
    h = await startAccountsHarness(kind);
  });
  afterAll(async () => {
    await h.close();
  });

  it("signs up, signs out and signs back in", async () => {
    const b = h.browser();
    const res = await b.post("/api/auth/register", {
      name: "Ada Lovelace",
      email: "Ada@Example.com",
      password: strongPassword,
      organisationName: "Analytical Engines Ltd",
    });
    const info = await expectStatus<authApi.SessionInfo>(res, 201);
    expect(info).toMatchObject({
      user: { email: "ada@example.com", name: "Ada Lovelace", mfaEnabled: false },
      organisation: { name: "Analytical Engines Ltd", plan: "starter" },
      role: "admin",
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("worktrackr_session="));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);

    const [org] = await h.test.db.sql<{ trial_end: string; trial_start: string; included_seats: number }>`
      select trial_start, trial_end, included_seats from organisations where name = 'Analytical Engines Ltd'`;
    expect(Date.parse(org?.trial_end ?? "") - Date.parse(org?.trial_start ?? "")).toBe(14 * 86_400_000);
    expect(org?.included_seats).toBe(5);

    await expectStatus(await b.get("/api/auth/session"), 200);
    expect((await b.post("/api/auth/logout")).status).toBe(204);
    await expectStatus(await b.get("/api/auth/session"), 401);

    const again = await expectStatus<authApi.SessionInfo>(
      await b.post("/api/auth/login", { email: "ADA@example.com", password: strongPassword }),
      200,
    );
    expect(again.role).toBe("admin");
    await expectStatus(await b.get("/api/auth/session"), 200);
  });

  it("refuses a taken email with 409 and creates nothing", async () => {
    await h.register({ email: "taken@example.com", organisationName: "First Org" });
    const before = await h.test.db.sql<{ n: number }>`select count(*)::int as n from organisations`;
    const res = await h.browser().post("/api/auth/register", {
      name: "Someone",
      email: "TAKEN@example.com",
      password: strongPassword,
      organisationName: "Second Org",
    });
    const body = await expectStatus<{ error: { field: string } }>(res, 409);
    expect(body.error.field).toBe("email");
    const after = await h.test.db.sql<{ n: number }>`select count(*)::int as n from organisations`;
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it("refuses bad input with 422, a message and the field, and writes nothing", async () => {
    const res = await h
      .browser()
      .post("/api/auth/register", { name: "X", email: "not-an-email", password: "short", organisationName: "" });
    const body = await expectStatus<{ error: { code: string; field: string; fields: Record<string, string> } }>(
      res,
      422,
    );
    expect(body.error.code).toBe("validation_failed");
    expect(Object.keys(body.error.fields).sort()).toEqual(["email", "organisationName", "password"]);
    expect(body.error.fields.password).toBe("must be at least 8 characters");
  });

  it("refuses one of the 10,000 most common passwords", async () => {
    const res = await h.browser().post("/api/auth/register", {
      name: "X",
      email: "common@example.com",
      password: "password123",
      organisationName: "Common Org",
    });
    const body = await expectStatus<{ error: { field: string; message: string } }>(res, 422);
    expect(body.error.field).toBe("password");
    expect(body.error.message).toMatch(/most common passwords/);
  });

  it("answers a wrong password and an unknown email with the same 401", async () => {
    await h.register({ email: "enum@example.com" });
    const wrong = await h
      .browser()
      .post("/api/auth/login", { email: "enum@example.com", password: "not the password" });
    const unknown = await h
      .browser()
      .post("/api/auth/login", { email: "nobody@example.com", password: "not the password" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it("starts a new session on every sign-in and lists and ends sessions", async () => {
    const first = await h.register({ email: "multi@example.com" });
    const second = h.browser();
    await expectStatus(
      await second.post("/api/auth/login", { email: "multi@example.com", password: strongPassword }),
      200,
    );
    expect(second.cookies.get("worktrackr_session")).not.toBe(first.cookies.get("worktrackr_session"));
    const { sessions } = await expectStatus<{ sessions: authApi.DeviceSession[] }>(
      await first.get("/api/auth/sessions"),
      200,
    );
    expect(sessions).toHaveLength(2);
    const other = sessions.find((s) => !s.isCurrent);
    expect((await first.delete(`/api/auth/sessions/${other?.id}`)).status).toBe(204);
    await expectStatus(await second.get("/api/auth/session"), 401);
    await expectStatus(await first.get("/api/auth/session"), 200);
  });

  it("ends every session of the user with logout-all", async () => {
    const a = await h.register({ email: "all@example.com" });
    const b = h.browser();
    await expectStatus(await b.post("/api/auth/login", { email: "all@example.com", password: strongPassword }), 200);
    expect((await a.post("/api/auth/logout-all")).status).toBe(204);
    await expectStatus(await a.get("/api/auth/session"), 401);
    await expectStatus(await b.get("/api/auth/session"), 401);
  });

  it("ends a session after 10 days without use, and after 30 days whatever the use", async () => {
    const idle = await h.register({ email: "idle@example.com" });
    h.clock.advance(sessionPolicy.inactivityMs + 1000);
    await expectStatus(await idle.get("/api/auth/session"), 401);

    const busy = await h.register({ email: "busy@example.com" });
    for (let i = 0; i < 9; i++) {
      h.clock.advance(3 * 86_400_000);
      await expectStatus(await busy.get("/api/auth/session"), 200);
    }
    h.clock.advance(3.5 * 86_400_000);
    await expectStatus(await busy.get("/api/auth/session"), 401);
  });

  it("stores only a hash of the session secret", async () => {
    const b = await h.register({ email: "hash@example.com" });
    const token = b.cookies.get("worktrackr_session") ?? "";
    const [id, secret] = token.split(".");
    expect(secret?.length).toBeGreaterThanOrEqual(26);
    const [row] = await h.test.db.sql<{ secret_hash: Uint8Array }>`select secret_hash from sessions where id = ${id}`;
    expect(Buffer.from(row?.secret_hash ?? []).toString()).not.toContain(secret);
    expect(row?.secret_hash.length).toBe(32);
    b.cookies.set("worktrackr_session", `${id}.${"a".repeat(32)}`);
    await expectStatus(await b.get("/api/auth/session"), 401);
  });

  it("refuses a cookie-authenticated write from another origin or with no origin (CSRF)", async () => {
    const b = await h.register({ email: "csrf@example.com" });
    const foreign = await b.post("/api/auth/logout-all", {}, { origin: "https://evil.example.com" });
    expect(foreign.status).toBe(403);
    const crossSite = await b.request(
      "POST",
      "/api/auth/logout-all",
      {},
      { origin: "", "sec-fetch-site": "cross-site" },
    );
    expect(crossSite.status).toBe(403);
    await expectStatus(await b.get("/api/auth/session"), 200);
  });

  it("limits sign-in attempts per account with 429 and Retry-After", async () => {
    await h.register({ email: "limited@example.com" });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 12; i++) {
      last = await h.browser().post("/api/auth/login", { email: "limited@example.com", password: `wrong guess ${i}` });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(Number(last?.headers.get("retry-after"))).toBeGreaterThan(0);
    // The right password is refused too while the window lasts; afterwards it works.
    expect(
      (await h.browser().post("/api/auth/login", { email: "limited@example.com", password: strongPassword })).status,
    ).toBe(429);
    h.clock.advance(15 * 60 * 1000 + 1000);
    expect(
      (await h.browser().post("/api/auth/login", { email: "limited@example.com", password: strongPassword })).status,
    ).toBe(200);
  });

  it("limits sign-in attempts per IP address across accounts", async () => {
    const b = h.browser("192.0.2.77");
    let status = 0;
    for (let i = 0; i < 51; i++) {
      status = (await b.post("/api/auth/login", { email: `spray${i}@example.com`, password: "whatever it is" })).status;
    }
    expect(status).toBe(429);
  });

  it("verifies a legacy bcrypt password once and rehashes it with argon2id", async () => {
    await h.register({ email: "legacy@example.com" });
    const legacy = await bcryptHash("legacy password 1", { cost: 10 });
    await h.test.db.sql`update users set password_hash = ${legacy} where email = 'legacy@example.com'`;
    await expectStatus(
      await h.browser().post("/api/auth/login", { email: "legacy@example.com", password: "legacy password 1" }),
      200,
    );
    const [row] = await h.test.db.sql<{
      password_hash: string;
    }>`select password_hash from users where email = 'legacy@example.com'`;
    expect(row?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expectStatus(
      await h.browser().post("/api/auth/login", { email: "legacy@example.com", password: "legacy password 1" }),
      200,
    );
  });
});
