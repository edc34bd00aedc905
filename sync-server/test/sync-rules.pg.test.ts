import { randomUUID } from "node:crypto";
import { protocolVersion, type syncApi } from "@worktrackr/shared-schema";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { AccountsHarness } from "./accounts-harness.js";
import { describeEachDatabase } from "./databases.js";
import { expectStatus } from "./http-client.js";
import { createTeam, makeDevice, startAccountsHarness, type Team } from "./sync-harness.js";

const hours = (n: number) => n * 60 * 60 * 1000;

describeEachDatabase("sync: conflict rules", (kind) => {
  let h: AccountsHarness;
  let team: Team;
  beforeAll(async () => {
    h = await startAccountsHarness(kind);
    team = await createTeam(h, "rules", { manager: "manager", boss: "manager", sam: "staff", jo: "staff" });
  });
  afterAll(async () => {
    await h.close();
  });

  async function newTicket(assignee: string, title = "Leaking tap"): Promise<string> {
    const office = makeDevice(team.admin);
    const id = randomUUID();
    await office.client.write("tickets", "upsert", { id, title, assignee_id: assignee });
    await office.client.sync();
    return id;
  }

  const serverTicket = async (id: string) => (await h.test.db.sql`select * from tickets where id = ${id}`)[0];
  const conflictsOf = async (browser: typeof team.admin) =>
    (await expectStatus<{ conflicts: syncApi.Conflict[] }>(await browser.get("/api/sync/conflicts"), 200)).conflicts;

  it("keeps both edits when two offline devices change different fields of a ticket", async () => {
    const id = await newTicket(team.members.sam?.userId ?? "");
    const office = makeDevice(team.admin);
    const crew = makeDevice(team.members.sam?.browser ?? team.admin);
    await office.client.sync();
    await crew.client.sync();
    office.online = false;
    crew.online = false;
    await office.client.write("tickets", "upsert", { id, priority: "urgent" });
    await crew.client.write("tickets", "upsert", { id, status: "pending" });
    office.online = true;
    crew.online = true;
    await crew.client.sync();
    await office.client.sync();
    await crew.client.sync();
    expect(await serverTicket(id)).toMatchObject({ priority: "urgent", status: "pending" });
    expect(await crew.replica.get("tickets", id)).toMatchObject({ priority: "urgent", status: "pending" });
    expect(await office.replica.get("tickets", id)).toMatchObject({ priority: "urgent", status: "pending" });
  });

  it("lets the later edit of the same field win by HLC even when its device's clock is hours behind", async () => {
    const id = await newTicket(team.members.sam?.userId ?? "");
    const office = makeDevice(team.admin);
    const slow = makeDevice(team.members.sam?.browser ?? team.admin, { wallClock: () => Date.now() - hours(3) });
    await office.client.write("tickets", "upsert", { id, title: "Office title" });
    await office.client.sync();
    // The slow device sees the office's edit first, so its clock moves past it: its edit is later.
    await slow.client.sync();
    await slow.client.write("tickets", "upsert", { id, title: "Crew title" });
    await slow.client.sync();
    expect((await serverTicket(id))?.title).toBe("Crew title");
  });

  it("keeps the earlier value when a concurrent edit carries an older HLC, and shows both values to the loser", async () => {
    const id = await newTicket(team.members.jo?.userId ?? "");
    const office = makeDevice(team.admin);
    const slow = makeDevice(team.members.jo?.browser ?? team.admin, { wallClock: () => Date.now() - hours(3) });
    await slow.client.sync();
    slow.online = false;
    await slow.client.write("tickets", "upsert", { id, title: "Crew title (offline)" });
    await office.client.write("tickets", "upsert", { id, title: "Office title (later)" });
    await office.client.sync();
    slow.online = true;
    await slow.client.sync();
    expect((await serverTicket(id))?.title).toBe("Office title (later)");
    expect((await slow.replica.get("tickets", id))?.title).toBe("Office title (later)");
    const conflicts = await conflictsOf(team.members.jo?.browser ?? team.admin);
    expect(conflicts.find((c) => c.rowId === id)).toMatchObject({
      field: "title",
      rule: "field-lww",
      winningValue: "Office title (later)",
      losingValue: "Crew title (offline)",
      winningUserId: team.adminId,
      losingUserId: team.members.jo?.userId,
    });
  });

  it("keeps the first approval decision and rejects a later one, telling both managers", async () => {
    const ticketId = await newTicket(team.members.sam?.userId ?? "");
    const requester = makeDevice(team.members.sam?.browser ?? team.admin);
    const approvalId = randomUUID();
    await requester.client.write("approvals", "upsert", { id: approvalId, ticket_id: ticketId });
    await requester.client.sync();
    const first = makeDevice(team.members.manager?.browser ?? team.admin);
    const second = makeDevice(team.members.boss?.browser ?? team.admin);
    await first.client.sync();
    await second.client.sync();
    first.online = false;
    second.online = false;
    await first.client.write("approvals", "upsert", { id: approvalId, decision: "approved" });
    await second.client.write("approvals", "upsert", { id: approvalId, decision: "rejected", reason: "Too costly" });
    first.online = true;
    await first.client.sync();
    second.online = true;
    await second.client.sync();
    const [approval] = await h.test.db.sql`select decision, approver_id from approvals where id = ${approvalId}`;
    expect(approval).toEqual({ decision: "approved", approver_id: team.members.manager?.userId });
    const rejected = await second.outbox.rejected();
    expect(rejected[0]?.reason).toBe("Already approved: the first decision stands.");
    expect((await second.replica.get("approvals", approvalId))?.decision).toBe("approved");
    for (const who of [team.members.manager, team.members.boss]) {
      const conflicts = await conflictsOf(who?.browser ?? team.admin);
      expect(conflicts.find((c) => c.rowId === approvalId)).toMatchObject({
        rule: "server-decides",
        winningValue: "approved",
        losingValue: "rejected",
      });
    }
  });

  it("rejects an edit to a time entry in an approved timesheet, with the reason, and keeps it for the user", async () => {
    const crew = makeDevice(team.members.jo?.browser ?? team.admin);
    const sheetId = randomUUID();
    const entryId = randomUUID();
    await crew.client.write("timesheets", "upsert", { id: sheetId, week_start: "2026-11-16" });
    await crew.client.write("time_entries", "upsert", {
      id: entryId,
      timesheet_id: sheetId,
      started_at: "2026-11-17T08:00:00.000Z",
      ended_at: "2026-11-17T10:00:00.000Z",
    });
    await crew.client.write("timesheets", "upsert", { id: sheetId, status: "submitted" });
    await crew.client.sync();
    const manager = makeDevice(team.members.manager?.browser ?? team.admin);
    await manager.client.sync();
    await manager.client.write("timesheets", "upsert", { id: sheetId, status: "approved" });
    await manager.client.sync();
    const [entry] = await h.test.db
      .sql`select approval_status, duration_seconds from time_entries where id = ${entryId}`;
    expect(entry).toEqual({ approval_status: "approved", duration_seconds: 7200 });

    await crew.client.write("time_entries", "upsert", { id: entryId, ended_at: "2026-11-17T12:00:00.000Z" });
    await crew.client.sync();
    const [after] = await h.test.db.sql`select ended_at from time_entries where id = ${entryId}`;
    expect(after?.ended_at).toBe("2026-11-17T10:00:00.000Z");
    const rejected = await crew.outbox.rejected();
    expect(rejected.map((r) => r.reason)).toContain(
      "This time entry is in a submitted or approved timesheet and can no longer be changed.",
    );
    expect((await crew.replica.get("time_entries", entryId))?.ended_at).toBe("2026-11-17T10:00:00.000Z");
  });

  it("reports an offline edit to a ticket deleted on the server instead of resurrecting it", async () => {
    const id = await newTicket(team.members.sam?.userId ?? "");
    const crew = makeDevice(team.members.sam?.browser ?? team.admin);
    await crew.client.sync();
    crew.online = false;
    await crew.client.write("tickets", "upsert", { id, title: "Edited offline" });
    const office = makeDevice(team.admin);
    await office.client.sync();
    await office.client.write("tickets", "delete", { id });
    await office.client.sync();
    crew.online = true;
    await crew.client.sync();
    expect(await serverTicket(id)).toBeUndefined();
    expect(await crew.replica.get("tickets", id)).toBeUndefined();
    const [rejected] = await crew.outbox.rejected();
    expect(rejected?.reason).toBe("This ticket was deleted; your change was not applied.");
    const conflicts = await conflictsOf(team.members.sam?.browser ?? team.admin);
    expect(conflicts.find((c) => c.rowId === id)).toMatchObject({
      rule: "delete-wins",
      losingValue: { id, title: "Edited offline" },
    });
  });

  it("applies a resent batch once and answers it with the same acks", async () => {
    const crew = team.members.sam?.browser ?? team.admin;
    const ticketId = await newTicket(team.members.sam?.userId ?? "");
    const request: syncApi.PushRequest = {
      clientId: "resender",
      protocolVersion,
      mutations: [
        {
          id: randomUUID(),
          table: "comments",
          op: "upsert",
          row: { id: randomUUID(), ticket_id: ticketId, body: "On site" },
          hlc: `${new Date().toISOString()}-0000-resender`,
        },
        {
          id: randomUUID(),
          table: "tickets",
          op: "upsert",
          row: { id: ticketId, status: "closed" },
          hlc: `${new Date().toISOString()}-0001-resender`,
        },
      ],
    };
    const first = await expectStatus<syncApi.PushResponse>(await crew.post("/api/sync/push", request), 200);
    const versionAfterFirst = first.cursor;
    const second = await expectStatus<syncApi.PushResponse>(await crew.post("/api/sync/push", request), 200);
    expect(second.acks.map((a) => [a.id, a.status, a.reason])).toEqual(
      first.acks.map((a) => [a.id, a.status, a.reason]),
    );
    expect(first.acks.map((a) => a.status)).toEqual(["applied", "rejected"]);
    expect(second.cursor).toBe(versionAfterFirst);
    const [count] = await h.test.db.sql<{
      n: number;
    }>`select count(*)::int as n from comments where ticket_id = ${ticketId}`;
    expect(count?.n).toBe(1);
  });

  it("never lets a rejected mutation block the ones behind it", async () => {
    const crew = makeDevice(team.members.sam?.browser ?? team.admin);
    const good = randomUUID();
    await crew.client.write("tickets", "upsert", { id: randomUUID(), title: "" });
    await crew.client.write("queues", "upsert", { id: randomUUID(), name: "Staff cannot make queues" });
    await crew.client.write("comments", "upsert", { id: randomUUID(), ticket_id: randomUUID(), body: "Dangling" });
    await crew.client.write("tickets", "upsert", { id: good, title: "Found another leak" });
    await crew.client.sync();
    expect(await serverTicket(good)).toMatchObject({
      title: "Found another leak",
      assignee_id: team.members.sam?.userId,
    });
    const reasons = (await crew.outbox.rejected()).map((r) => r.reason);
    expect(reasons).toEqual([
      "title: must not be blank",
      "Your role cannot create queues.",
      "ticket_id: refers to a record that does not exist",
    ]);
    expect(await crew.outbox.pending()).toEqual([]);
  });

  it("rejects a malformed mutation on its own and applies the rest of its batch", async () => {
    const good = randomUUID();
    const res = await team.admin.post("/api/sync/push", {
      clientId: "sloppy",
      protocolVersion,
      mutations: [
        {
          id: randomUUID(),
          table: "tickets",
          op: "upsert",
          row: { id: randomUUID(), title: "No clock" },
          hlc: "yesterday",
        },
        {
          id: "not-a-uuid",
          table: "tickets",
          op: "upsert",
          row: { id: randomUUID(), title: "Bad id" },
          hlc: `${new Date().toISOString()}-0000-sloppy`,
        },
        {
          id: randomUUID(),
          table: "tickets",
          op: "upsert",
          row: { id: good, title: "Fine" },
          hlc: `${new Date().toISOString()}-0001-sloppy`,
        },
      ],
    });
    const body = await expectStatus<syncApi.PushResponse>(res, 200);
    expect(body.acks.map((a) => [a.status, a.reason])).toEqual([
      ["rejected", "hlc: must be a hybrid logical clock (<ISO time>-<4 hex>-<clientId>)"],
      ["rejected", "id: must be a UUID"],
      ["applied", undefined],
    ]);
    expect(await serverTicket(good)).toMatchObject({ title: "Fine" });
  });

  it("refuses a client built for an unsupported protocol with 426 and what to do", async () => {
    const res = await team.admin.post("/api/sync/push", { clientId: "old", protocolVersion: 0, mutations: [] });
    const body = await expectStatus<{ error: { code: string; message: string } }>(res, 426);
    expect(body.error.code).toBe("upgrade_required");
  });
});
