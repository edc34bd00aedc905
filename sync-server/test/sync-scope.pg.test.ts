import { randomUUID } from "node:crypto";
import { protocolVersion, type syncApi } from "@worktrackr/shared-schema";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { AccountsHarness } from "./accounts-harness.js";
import { describeEachDatabase } from "./databases.js";
import { expectStatus } from "./http-client.js";
import { createTeam, makeDevice, startAccountsHarness, type Team } from "./sync-harness.js";

describeEachDatabase("sync: tenant walls and staff scope", (kind) => {
  let h: AccountsHarness;
  let a: Team;
  let b: Team;
  beforeAll(async () => {
    h = await startAccountsHarness(kind);
    a = await createTeam(h, "alpha", { sam: "staff", jo: "staff" });
    b = await createTeam(h, "bravo", {});
  });
  afterAll(async () => {
    await h.close();
  });

  const push = (browser: Team["admin"], mutations: syncApi.Mutation[]) =>
    browser.post("/api/sync/push", { clientId: "probe", protocolVersion, mutations });
  const hlc = () => `${new Date().toISOString()}-0000-probe`;

  it("rejects a push naming another tenant's row id, and leaves that row alone", async () => {
    const bOffice = makeDevice(b.admin);
    const bTicket = randomUUID();
    await bOffice.client.write("tickets", "upsert", { id: bTicket, title: "Bravo's secret ticket" });
    await bOffice.client.sync();

    const update = await expectStatus<syncApi.PushResponse>(
      await push(a.admin, [
        { id: randomUUID(), table: "tickets", op: "upsert", row: { id: bTicket, title: "Hijacked" }, hlc: hlc() },
      ]),
      200,
    );
    expect(update.acks[0]?.status).toBe("rejected");
    expect(update.acks[0]?.row).toBeNull();
    expect(JSON.stringify(update)).not.toContain("Bravo's secret ticket");
    const comment = await expectStatus<syncApi.PushResponse>(
      await push(a.admin, [
        {
          id: randomUUID(),
          table: "comments",
          op: "upsert",
          row: { id: randomUUID(), ticket_id: bTicket, body: "x" },
          hlc: hlc(),
        },
      ]),
      200,
    );
    expect(comment.acks[0]).toMatchObject({
      status: "rejected",
      reason: "ticket_id: refers to a record that does not exist",
    });
    const deletion = await expectStatus<syncApi.PushResponse>(
      await push(a.admin, [{ id: randomUUID(), table: "tickets", op: "delete", row: { id: bTicket }, hlc: hlc() }]),
      200,
    );
    expect(deletion.acks[0]?.status).toBe("applied");
    const [row] = await h.test.db.sql`select title, organisation_id from tickets where id = ${bTicket}`;
    expect(row).toEqual({ title: "Bravo's secret ticket", organisation_id: b.organisationId });
  });

  it("never pulls another tenant's rows", async () => {
    const bOffice = makeDevice(b.admin);
    await bOffice.client.write("contacts", "upsert", { id: randomUUID(), name: "Bravo customer" });
    await bOffice.client.sync();
    const aDevice = makeDevice(a.admin);
    await aDevice.client.sync();
    const text = JSON.stringify(aDevice.replica.snapshot());
    expect(text).not.toContain("Bravo");
    expect(text).not.toContain(b.organisationId);
  });

  it("never gives a staff device tickets not assigned to them, nor their comments", async () => {
    const office = makeDevice(a.admin);
    const mine = randomUUID();
    const theirs = randomUUID();
    const unassigned = randomUUID();
    await office.client.write("tickets", "upsert", {
      id: mine,
      title: "Sam's job",
      assignee_id: a.members.sam?.userId,
    });
    await office.client.write("tickets", "upsert", {
      id: theirs,
      title: "Jo's job",
      assignee_id: a.members.jo?.userId,
    });
    await office.client.write("tickets", "upsert", { id: unassigned, title: "Nobody's job" });
    await office.client.write("comments", "upsert", { id: randomUUID(), ticket_id: theirs, body: "Jo only" });
    await office.client.write("comments", "upsert", { id: randomUUID(), ticket_id: mine, body: "Sam only" });
    await office.client.sync();

    const sam = makeDevice(a.members.sam?.browser ?? a.admin);
    await sam.client.sync();
    const tickets = [...(sam.replica.tables.get("tickets")?.values() ?? [])];
    expect(tickets.map((t) => t.title)).toEqual(["Sam's job"]);
    const comments = [...(sam.replica.tables.get("comments")?.values() ?? [])];
    expect(comments.map((c) => c.body)).toEqual(["Sam only"]);
  });

  it("drops a reassigned ticket and its comments from the old assignee's device and brings both to the new one", async () => {
    const office = makeDevice(a.admin);
    const ticket = randomUUID();
    await office.client.write("tickets", "upsert", {
      id: ticket,
      title: "Moving job",
      assignee_id: a.members.sam?.userId,
    });
    await office.client.write("comments", "upsert", { id: randomUUID(), ticket_id: ticket, body: "Bring a ladder" });
    await office.client.sync();
    const sam = makeDevice(a.members.sam?.browser ?? a.admin);
    const jo = makeDevice(a.members.jo?.browser ?? a.admin);
    await sam.client.sync();
    await jo.client.sync();
    expect(await sam.replica.get("tickets", ticket)).toBeDefined();
    expect(await jo.replica.get("tickets", ticket)).toBeUndefined();

    await office.client.write("tickets", "upsert", { id: ticket, assignee_id: a.members.jo?.userId });
    await office.client.sync();
    await sam.client.sync();
    await jo.client.sync();
    expect(await sam.replica.get("tickets", ticket)).toBeUndefined();
    expect(await sam.replica.where("comments", "ticket_id", ticket)).toEqual([]);
    expect(await jo.replica.get("tickets", ticket)).toMatchObject({ title: "Moving job" });
    expect((await jo.replica.where("comments", "ticket_id", ticket)).map((c) => c.body)).toEqual(["Bring a ladder"]);
  });

  it("gives staff the jobs they have a task in, and only those", async () => {
    const office = makeDevice(a.admin);
    const job = randomUUID();
    const otherJob = randomUUID();
    await office.client.write("projects", "upsert", { id: job, name: "School refit" });
    await office.client.write("projects", "upsert", { id: otherJob, name: "Office refit" });
    await office.client.write("tasks", "upsert", {
      id: randomUUID(),
      project_id: job,
      title: "Paint",
      assignee_id: a.members.jo?.userId,
    });
    await office.client.write("tasks", "upsert", {
      id: randomUUID(),
      project_id: otherJob,
      title: "Wire",
      assignee_id: a.members.sam?.userId,
    });
    await office.client.sync();
    const jo = makeDevice(a.members.jo?.browser ?? a.admin);
    await jo.client.sync();
    expect([...(jo.replica.tables.get("projects")?.values() ?? [])].map((p) => p.name)).toEqual(["School refit"]);
    expect([...(jo.replica.tables.get("tasks")?.values() ?? [])].map((t) => t.title)).toEqual(["Paint"]);
  });

  it("pulls an initial sync in pages that resume from the cursor", async () => {
    const office = makeDevice(a.admin);
    for (let i = 0; i < 25; i++)
      await office.client.write("contacts", "upsert", { id: randomUUID(), name: `Contact ${i}` });
    await office.client.sync();
    const paged = makeDevice(a.admin);
    const whole = makeDevice(a.admin);
    let pages = 0;
    let cursor = 0;
    for (;;) {
      const page = await expectStatus<syncApi.PullResponse>(
        await a.admin.get(`/api/sync/pull?cursor=${cursor}&limit=7`),
        200,
      );
      pages += 1;
      for (const change of page.changes) {
        if (change.op === "upsert") await paged.replica.put(change.table, change.row);
        else await paged.replica.delete(change.table, change.id);
      }
      cursor = page.cursor;
      if (!page.more) break;
    }
    await whole.client.sync();
    expect(pages).toBeGreaterThan(3);
    expect(paged.replica.snapshot()).toEqual(whole.replica.snapshot());
  });
});
