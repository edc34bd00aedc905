import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { AccountsHarness } from "./accounts-harness.js";
import { describeEachDatabase } from "./databases.js";
import { expectStatus } from "./http-client.js";
import { createTeam, makeDevice, startAccountsHarness, type Team } from "./sync-harness.js";

describeEachDatabase("REST tickets write through the sync path", (kind) => {
  let h: AccountsHarness;
  let team: Team;
  let other: Team;
  beforeAll(async () => {
    h = await startAccountsHarness(kind);
    team = await createTeam(h, "restco", { sam: "staff" });
    other = await createTeam(h, "otherco", {});
  });
  afterAll(async () => {
    await h.close();
  });

  it("creates, updates and comments on a ticket over REST, and a device receives it all", async () => {
    const crew = makeDevice(team.members.sam?.browser ?? team.admin);
    await crew.client.sync();
    const created = await expectStatus<{ id: string; title: string }>(
      await team.admin.post("/api/tickets", { title: "From the integration", assignee_id: team.members.sam?.userId }),
      201,
    );
    await expectStatus(await team.admin.put(`/api/tickets/${created.id}`, { priority: "high" }), 200);
    await expectStatus(await team.admin.post(`/api/tickets/${created.id}/comments`, { body: "Customer called" }), 201);
    await crew.client.sync();
    expect(await crew.replica.get("tickets", created.id)).toMatchObject({
      title: "From the integration",
      priority: "high",
    });
    expect((await crew.replica.where("comments", "ticket_id", created.id)).map((c) => c.body)).toEqual([
      "Customer called",
    ]);
  });

  it("attaches an uploaded photo to a ticket by its hash", async () => {
    const created = await expectStatus<{ id: string }>(
      await team.admin.post("/api/tickets", { title: "Photo job" }),
      201,
    );
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(randomUUID())]);
    const sha = createHash("sha256").update(jpeg).digest("hex");
    await expectStatus(
      await team.admin.post(`/api/tickets/${created.id}/attachments`, { filename: "leak.jpg", content_sha256: sha }),
      422,
    );
    const cookie = [...team.admin.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const upload = await h.app.request(`/api/files/${sha}`, {
      method: "PUT",
      headers: { cookie, origin: "http://localhost:8787", "content-type": "image/jpeg" },
      body: jpeg,
    });
    expect(upload.status).toBe(201);
    const attachment = await expectStatus<{ file_url: string; size_bytes: number; mime_type: string }>(
      await team.admin.post(`/api/tickets/${created.id}/attachments`, { filename: "leak.jpg", content_sha256: sha }),
      201,
    );
    expect(attachment).toMatchObject({
      file_url: `/api/files/${sha}`,
      size_bytes: jpeg.length,
      mime_type: "image/jpeg",
    });
  });

  it("lists for staff only the tickets assigned to them, with filters", async () => {
    await expectStatus(await team.admin.post("/api/tickets", { title: "Unassigned REST", priority: "urgent" }), 201);
    await expectStatus(
      await team.admin.post("/api/tickets", {
        title: "Sam's REST",
        priority: "urgent",
        assignee_id: team.members.sam?.userId,
      }),
      201,
    );
    const staff = await expectStatus<{ tickets: { title: string; assignee_id: string }[] }>(
      await (team.members.sam?.browser ?? team.admin).get("/api/tickets?priority=urgent"),
      200,
    );
    expect(staff.tickets.map((t) => t.title)).toEqual(["Sam's REST"]);
    const office = await expectStatus<{ tickets: { title: string }[] }>(
      await team.admin.get("/api/tickets?q=REST"),
      200,
    );
    expect(office.tickets.map((t) => t.title).sort()).toEqual(["Sam's REST", "Unassigned REST"]);
  });

  it("answers another tenant's ticket with the same 404 as a missing one, for every route", async () => {
    const created = await expectStatus<{ id: string }>(
      await team.admin.post("/api/tickets", { title: "Private" }),
      201,
    );
    const missing = randomUUID();
    for (const id of [created.id, missing]) {
      await expectStatus(await other.admin.get(`/api/tickets/${id}`), 404);
      await expectStatus(await other.admin.put(`/api/tickets/${id}`, { title: "Mine now" }), 404);
      await expectStatus(await other.admin.delete(`/api/tickets/${id}`), 404);
    }
    const comment = await other.admin.post(`/api/tickets/${created.id}/comments`, { body: "hello" });
    expect(comment.status).toBe(422);
    const [row] = await h.test.db.sql`select title from tickets where id = ${created.id}`;
    expect(row?.title).toBe("Private");
  });

  it("refuses bad input with the field, and a staff delete with 403", async () => {
    const body = await expectStatus<{ error: { field: string; message: string } }>(
      await team.admin.post("/api/tickets", { title: "" }),
      422,
    );
    expect(body.error).toMatchObject({ field: "title", message: "title: must not be blank" });
    const created = await expectStatus<{ id: string }>(
      await team.admin.post("/api/tickets", { title: "Keep", assignee_id: team.members.sam?.userId }),
      201,
    );
    await expectStatus(await (team.members.sam?.browser ?? team.admin).delete(`/api/tickets/${created.id}`), 403);
  });
});
