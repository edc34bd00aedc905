import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP, generateTOTP } from "@oslojs/otp";
import type { authApi } from "@worktrackr/shared-schema";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AccountsHarness, startAccountsHarness, strongPassword } from "./accounts-harness.js";
import { describeEachDatabase } from "./databases.js";
import { expectStatus, type TestBrowser } from "./http-client.js";

/** Turns on the authenticator app for a signed-in browser; returns its key and backup codes. */
async function enableTotp(b: TestBrowser): Promise<{ key: Uint8Array; backupCodes: string[] }> {
  const setup = await expectStatus<authApi.TotpSetupResponse>(
    await b.post("/api/auth/totp/setup", { currentPassword: strongPassword }),
    200,
  );
  expect(setup.uri).toMatch(/^otpauth:\/\/totp\//);
  expect(setup.qrSvg).toMatch(/^<svg/);
  expect(setup.backupCodes).toHaveLength(10);
  const key = decodeBase32IgnorePadding(setup.secret);
  expect(key).toHaveLength(20);
  await expectStatus(await b.post("/api/auth/totp/verify", { code: generateTOTP(key, 30, 6) }), 200);
  return { key, backupCodes: setup.backupCodes };
}

/** A code for the next time step: valid within the grace period and not yet used. */
const nextStepCode = (key: Uint8Array) => generateHOTP(key, BigInt(Math.floor(Date.now() / 30_000) + 1), 6);

describeEachDatabase("accounts: two-factor sign-in", (kind) => {
  let h: AccountsHarness;
  beforeAll(async () => {
    h = await startAccountsHarness(kind);
  });
  afterAll(async () => {
    await h.close();
  });

  it("signs in with an emailed code after the password, and not before", async () => {
    const admin = await h.register({ email: "mail2fa@example.com" });
    await expectStatus(await admin.put("/api/user/mfa", { enabled: true, currentPassword: strongPassword }), 200);

    const b = h.browser();
    const login = await expectStatus<authApi.MfaRequired>(
      await b.post("/api/auth/login", { email: "mail2fa@example.com", password: strongPassword }),
      200,
    );
    expect(login).toEqual({ mfaRequired: true, methods: ["email"] });
    await expectStatus(await b.get("/api/auth/session"), 401);

    await expectStatus(await b.post("/api/auth/mfa/challenge"), 200);
    const email = await h.inbox.waitFor("mail2fa@example.com", (m) => m.subject.includes("sign-in code"));
    const code = /\b(\d{6})\b/.exec(email.text)?.[1] ?? "";
    expect(email.html).toContain(code);

    const wrong = code === "000000" ? "111111" : "000000";
    await expectStatus(await b.post("/api/auth/mfa/verify", { code: wrong }), 401);
    const info = await expectStatus<authApi.SessionInfo>(await b.post("/api/auth/mfa/verify", { code }), 200);
    expect(info.user.email).toBe("mail2fa@example.com");
    await expectStatus(await b.get("/api/auth/session"), 200);
    // The code was used up with the sign-in.
    const again = h.browser();
    await again.post("/api/auth/login", { email: "mail2fa@example.com", password: strongPassword });
    await expectStatus(await again.post("/api/auth/mfa/verify", { code }), 400);
  });

  it("signs in with a TOTP code from the authenticator app and refuses the same code twice", async () => {
    const admin = await h.register({ email: "totp@example.com" });
    const { key } = await enableTotp(admin);

    const b = h.browser();
    const login = await expectStatus<authApi.MfaRequired>(
      await b.post("/api/auth/login", { email: "totp@example.com", password: strongPassword }),
      200,
    );
    expect(login.methods).toEqual(["totp"]);
    const code = nextStepCode(key);
    await expectStatus(await b.post("/api/auth/totp/verify", { code }), 200);

    const replay = h.browser();
    await replay.post("/api/auth/login", { email: "totp@example.com", password: strongPassword });
    const refused = await expectStatus<{ error: { message: string } }>(
      await replay.post("/api/auth/totp/verify", { code }),
      401,
    );
    expect(refused.error.message).toMatch(/already used/);
  });

  it("accepts each backup code exactly once", async () => {
    const admin = await h.register({ email: "backup@example.com" });
    const { backupCodes } = await enableTotp(admin);
    const first = h.browser();
    await first.post("/api/auth/login", { email: "backup@example.com", password: strongPassword });
    await expectStatus(await first.post("/api/auth/totp/verify", { code: backupCodes[0] }), 200);

    const second = h.browser();
    await second.post("/api/auth/login", { email: "backup@example.com", password: strongPassword });
    await expectStatus(await second.post("/api/auth/totp/verify", { code: backupCodes[0] }), 401);
    await expectStatus(await second.post("/api/auth/totp/verify", { code: backupCodes[1] }), 200);
  });

  it("stores the TOTP key encrypted and the backup codes hashed", async () => {
    const admin = await h.register({ email: "atrest@example.com" });
    const setup = await expectStatus<authApi.TotpSetupResponse>(
      await admin.post("/api/auth/totp/setup", { currentPassword: strongPassword }),
      200,
    );
    const [row] = await h.test.db.sql<{ secret: string; backup_codes: string[] }>`
      select t.secret, t.backup_codes from user_totp t join users u on u.id = t.user_id where u.email = 'atrest@example.com'`;
    expect(row?.secret).not.toContain(setup.secret);
    expect(row?.secret).not.toBe(Buffer.from(decodeBase32IgnorePadding(setup.secret)).toString("base64"));
    expect(row?.backup_codes.every((c) => c.startsWith("$argon2id$"))).toBe(true);
  });

  it("locks 2FA attempts for 15 minutes after 5 wrong codes", async () => {
    const admin = await h.register({ email: "lock@example.com" });
    const { key } = await enableTotp(admin);
    const b = h.browser();
    await b.post("/api/auth/login", { email: "lock@example.com", password: strongPassword });
    for (let i = 0; i < 5; i++) await expectStatus(await b.post("/api/auth/totp/verify", { code: "000000" }), 401);
    const locked = await b.post("/api/auth/totp/verify", { code: nextStepCode(key) });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    h.clock.advance(15 * 60 * 1000 + 1000);
    // The pending sign-in expired meanwhile: sign in again, then the right code works.
    await b.post("/api/auth/login", { email: "lock@example.com", password: strongPassword });
    await expectStatus(await b.post("/api/auth/totp/verify", { code: nextStepCode(key) }), 200);
  });

  it("turns the authenticator app off only with the password and a current code", async () => {
    const admin = await h.register({ email: "off@example.com" });
    const { key } = await enableTotp(admin);
    await expectStatus(
      await admin.post("/api/auth/totp/disable", { code: nextStepCode(key), currentPassword: "wrong password" }),
      401,
    );
    await expectStatus(
      await admin.post("/api/auth/totp/disable", { code: nextStepCode(key), currentPassword: strongPassword }),
      200,
    );
    const info = await expectStatus<authApi.SessionInfo>(
      await h.browser().post("/api/auth/login", { email: "off@example.com", password: strongPassword }),
      200,
    );
    expect(info.user.mfaEnabled).toBe(false);
  });
});

describeEachDatabase("accounts: password reset", (kind) => {
  let h: AccountsHarness;
  beforeAll(async () => {
    h = await startAccountsHarness(kind);
  });
  afterAll(async () => {
    await h.close();
  });

  const linkIn = (text: string) => /token=([a-z0-9]+)/.exec(text)?.[1] ?? "";

  it("answers the same whether or not the account exists", async () => {
    await h.register({ email: "exists@example.com" });
    const known = await h.browser().post("/api/auth/request-password-reset", { email: "exists@example.com" });
    const unknown = await h.browser().post("/api/auth/request-password-reset", { email: "ghost@example.com" });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(await known.json()).toEqual(await unknown.json());
    await h.inbox.waitFor("exists@example.com");
    await h.deps.mailer.idle();
    expect(h.inbox.messages.some((m) => m.to === "ghost@example.com")).toBe(false);
  });

  it("resets with the emailed link once, ends every session, and refuses the link a second time", async () => {
    const old = await h.register({ email: "reset@example.com" });
    await h.browser().post("/api/auth/request-password-reset", { email: "reset@example.com" });
    const email = await h.inbox.waitFor("reset@example.com", (m) => m.subject.includes("Reset"));
    const token = linkIn(email.text);
    expect(email.text).toContain(`http://localhost:8787/reset-password?token=${token}`);

    await expectStatus(
      await h.browser().post("/api/auth/reset-password", { token, password: "a brand new passphrase" }),
      200,
    );
    await expectStatus(await old.get("/api/auth/session"), 401);
    await expectStatus(
      await h.browser().post("/api/auth/login", { email: "reset@example.com", password: strongPassword }),
      401,
    );
    await expectStatus(
      await h.browser().post("/api/auth/login", { email: "reset@example.com", password: "a brand new passphrase" }),
      200,
    );
    const reused = await expectStatus<{ error: { message: string } }>(
      await h.browser().post("/api/auth/reset-password", { token, password: "yet another passphrase" }),
      400,
    );
    expect(reused.error.message).toMatch(/expired or was already used/);
    const [row] = await h.test.db.sql<{ token_hash: string }>`
      select r.token_hash from password_resets r join users u on u.id = r.user_id where u.email = 'reset@example.com'`;
    expect(row?.token_hash).not.toBe(token);
  });

  it("refuses a link older than one hour", async () => {
    await h.register({ email: "late@example.com" });
    await h.browser().post("/api/auth/request-password-reset", { email: "late@example.com" });
    const token = linkIn((await h.inbox.waitFor("late@example.com", (m) => m.subject.includes("Reset"))).text);
    h.clock.advance(60 * 60 * 1000 + 1000);
    await expectStatus(
      await h.browser().post("/api/auth/reset-password", { token, password: "a brand new passphrase" }),
      400,
    );
  });

  it("limits reset emails per account", async () => {
    await h.register({ email: "flood@example.com" });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await h.browser().post("/api/auth/request-password-reset", { email: "flood@example.com" })).status,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
