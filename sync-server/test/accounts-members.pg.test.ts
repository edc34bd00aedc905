import { randomUUID } from "node:crypto";
import type { authApi, userApi } from "@worktrackr/shared-schema";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AccountsHarness, startAccountsHarness, strongPassword } from "./accounts-harness.js";
import { describeEachDatabase } from "./databases.js";
import { expectStatus, type TestBrowser } from "./http-client.js";

describeEachDatabase("accounts: members, roles and organisations", (kind) => {
  let h: AccountsHarness;
  beforeAll(async () => {
    h = await startAccountsHarness(kind);
  });
  afterAll(async () => {
    await h.close();
  });

  /** Invites someone and accepts the invitation from the emailed link; returns their browser. */
  async function invite(
    admin: TestBrowser,
    email: string,
    role: string,
  ): Promise<{ browser: TestBrowser; member: userApi.Member }> {
    const member = await expectStatus<userApi.Member>(await admin.post("/api/user/members", { email, role }), 201);
    expect(member.status).toBe("pending");
    const mail = await h.inbox.waitFor(email, (m) => m.subject.includes("invited you"));
    const token = /token=([a-z0-9]+)/.exec(mail.text)?.[1];
    const browser = h.browser();
    const info = await expectStatus<authApi.SessionInfo>(
      await browser.post("/api/auth/accept-invitation", { token, name: `Member ${email}`, password: strongPassword }),
      200,
    );
    expect(info.role).toBe(role);
    return { browser, member };
  }

  it("invites a member by email, who sets a password, joins and is counted as a seat", async () => {
    const admin = await h.register({ email: "owner@example.com", organisationName: "Invite Co" });
    const { browser, member } = await invite(admin, "crew@example.com", "staff");
    const { members } = await expectStatus<{ members: userApi.Member[] }>(await admin.get("/api/user/members"), 200);
    expect(members.find((m) => m.id === member.id)?.status).toBe("active");
    const [org] = await h.test.db.sql<{
      active_user_count: number;
    }>`select active_user_count from organisations where name = 'Invite Co'`;
    expect(org?.active_user_count).toBe(2);
    await expectStatus(await browser.get("/api/auth/session"), 200);
  });

  it("refuses a staff member every admin route with 403", async () => {
    const admin = await h.register({ email: "boss@example.com", organisationName: "Roles Co" });
    const { browser: staff, member } = await invite(admin, "worker@example.com", "staff");
    await expectStatus(await staff.get("/api/user/members"), 403);
    await expectStatus(await staff.post("/api/user/members", { email: "x@example.com", role: "staff" }), 403);
    await expectStatus(await staff.patch(`/api/user/members/${member.id}`, { role: "admin" }), 403);
    await expectStatus(await staff.delete(`/api/user/members/${member.id}`), 403);
    const [row] = await h.test.db.sql<{ role: string }>`select role from memberships where id = ${member.id}`;
    expect(row?.role).toBe("staff");
  });

  it("lets a manager see the team but not change it", async () => {
    const admin = await h.register({ email: "chief@example.com", organisationName: "Managers Co" });
    const { browser: manager, member } = await invite(admin, "mgr@example.com", "manager");
    await expectStatus(await manager.get("/api/user/members"), 200);
    await expectStatus(await manager.patch(`/api/user/members/${member.id}`, { role: "admin" }), 403);
  });

  it("never removes or demotes the last admin", async () => {
    const admin = await h.register({ email: "solo@example.com", organisationName: "Solo Co" });
    const { members } = await expectStatus<{ members: userApi.Member[] }>(await admin.get("/api/user/members"), 200);
    const self = members[0];
    await expectStatus(await admin.patch(`/api/user/members/${self?.id}`, { role: "staff" }), 409);
    await expectStatus(await admin.patch(`/api/user/members/${self?.id}`, { status: "disabled" }), 409);
    await expectStatus(await admin.delete(`/api/user/members/${self?.id}`), 409);
    const { member: second } = await invite(admin, "deputy@example.com", "admin");
    await expectStatus(await admin.patch(`/api/user/members/${self?.id}`, { role: "manager" }), 200);
    await expectStatus(await admin.delete(`/api/user/members/${second.id}`), 403);
  });

  it("stops a disabled member's session at once", async () => {
    const admin = await h.register({ email: "disabler@example.com", organisationName: "Disable Co" });
    const { browser: staff, member } = await invite(admin, "leaver@example.com", "staff");
    await expectStatus(await staff.get("/api/auth/session"), 200);
    await expectStatus(await admin.patch(`/api/user/members/${member.id}`, { status: "disabled" }), 200);
    await expectStatus(await staff.get("/api/auth/session"), 401);
    await expectStatus(
      await h.browser().post("/api/auth/login", { email: "leaver@example.com", password: strongPassword }),
      403,
    );
  });

  it("answers 404 to a user of organisation A for every resource of organisation B", async () => {
    const a = await h.register({ email: "a-admin@example.com", organisationName: "Tenant A" });
    const b = await h.register({ email: "b-admin@example.com", organisationName: "Tenant B" });
    const { member: bMember } = await invite(b, "b-staff@example.com", "staff");
    const bInfo = await expectStatus<authApi.SessionInfo>(await b.get("/api/auth/session"), 200);
    const bOrg = bInfo.organisation?.id;
    const { sessions } = await expectStatus<{ sessions: authApi.DeviceSession[] }>(
      await b.get("/api/auth/sessions"),
      200,
    );

    await expectStatus(await a.get(`/api/organizations/${bOrg}`), 404);
    await expectStatus(await a.post("/api/organizations/switch", { organisationId: bOrg }), 404);
    await expectStatus(await a.patch(`/api/user/members/${bMember.id}`, { role: "admin" }), 404);
    await expectStatus(await a.delete(`/api/user/members/${bMember.id}`), 404);
    await expectStatus(await a.delete(`/api/auth/sessions/${sessions[0]?.id}`), 404);
    const { members } = await expectStatus<{ members: userApi.Member[] }>(await a.get("/api/user/members"), 200);
    expect(members.map((m) => m.email)).toEqual(["a-admin@example.com"]);
    const { organisations } = await expectStatus<{ organisations: { id: string }[] }>(
      await a.get("/api/organizations"),
      200,
    );
    expect(organisations.map((o) => o.id)).not.toContain(bOrg);
    // The same answer as for an id that exists nowhere: nothing tells A that B's rows exist.
    const missing = await a.patch(`/api/user/members/${randomUUID()}`, { role: "admin" });
    expect(await missing.json()).toEqual(
      await (await a.patch(`/api/user/members/${bMember.id}`, { role: "admin" })).json(),
    );
  });

  it("lets a partner admin list, create and switch to their partner's organisations, and nobody else see them", async () => {
    const partnerAdmin = await h.register({ email: "msp@example.com", organisationName: "MSP Home" });
    const [partner] = await h.test.db.sql<{ id: string }>`
      insert into partners (name, support_email) values ('Helpful MSP', 'help@msp.example.com') returning id`;
    await h.test.db.sql`
      insert into partner_memberships (partner_id, user_id, role)
      select ${partner?.id}, id, 'partner_admin' from users where email = 'msp@example.com'`;
    const created = await expectStatus<userApi.OrganisationSummary>(
      await partnerAdmin.post("/api/organizations", { name: "Customer One", plan: "pro" }),
      201,
    );
    expect(created).toMatchObject({ name: "Customer One", plan: "pro" });
    const { organisations } = await expectStatus<{ organisations: { name: string }[] }>(
      await partnerAdmin.get("/api/organizations"),
      200,
    );
    expect(organisations.map((o) => o.name)).toEqual(["Customer One", "MSP Home"]);
    const switched = await expectStatus<authApi.SessionInfo>(
      await partnerAdmin.post("/api/organizations/switch", { organisationId: created.id }),
      200,
    );
    expect(switched).toMatchObject({ organisation: { name: "Customer One" }, role: "admin", isPartnerAdmin: true });
    await expectStatus(await partnerAdmin.post("/api/user/members", { email: "cust@example.com", role: "staff" }), 201);

    const outsider = await h.register({ email: "outsider@example.com", organisationName: "Outside Co" });
    await expectStatus(await outsider.get(`/api/organizations/${created.id}`), 404);
    await expectStatus(await outsider.post("/api/organizations", { name: "Sneaky" }), 403);
  });

  it("updates the profile and changes the password only with the current one, signing out other devices", async () => {
    const me = await h.register({ email: "profile@example.com" });
    const other = h.browser();
    await expectStatus(
      await other.post("/api/auth/login", { email: "profile@example.com", password: strongPassword }),
      200,
    );
    const profile = await expectStatus<userApi.Profile>(
      await me.put("/api/user", { name: "New Name", locale: "fr-FR" }),
      200,
    );
    expect(profile).toMatchObject({ name: "New Name", locale: "fr-FR" });
    await expectStatus(
      await me.put("/api/user/password", { currentPassword: "wrong one", newPassword: "another long passphrase" }),
      401,
    );
    await expectStatus(
      await me.put("/api/user/password", { currentPassword: strongPassword, newPassword: "another long passphrase" }),
      200,
    );
    await expectStatus(await me.get("/api/auth/session"), 200);
    await expectStatus(await other.get("/api/auth/session"), 401);
    await h.inbox.waitFor("profile@example.com", (m) => m.subject.includes("password was changed"));
  });
});
