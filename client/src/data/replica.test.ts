import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PgliteReplica } from "./replica.js";
import { prepareReplicaSchema } from "./replica-schema.js";

const organisationId = "0b6c1a52-5d7e-4a36-9a55-4a7f3c2f0001";
const ticketId = "0b6c1a52-5d7e-4a36-9a55-4a7f3c2f0002";

describe("PgliteReplica", () => {
  // One database for the file (PGlite takes a second or two to start); each test has its own ids.
  let db: PGlite;
  let replica: PgliteReplica;
  beforeAll(async () => {
    db = new PGlite();
    replica = await PgliteReplica.open(db);
  });
  afterAll(async () => {
    await db.close();
  });
  beforeEach(async () => {
    await db.exec("delete from tickets; delete from ticket_templates; delete from inspections; delete from comments");
    await replica.setCursor(0);
  });
  it("inserts a device's new row with only the fields it sets, the server's columns empty until its row arrives", async () => {
    await replica.put("tickets", { id: ticketId, title: "Offline leak" });
    const row = await replica.get("tickets", ticketId);
    expect(row).toMatchObject({ id: ticketId, title: "Offline leak", organisation_id: null, status: "open" });
    expect(row?.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("updates only the given columns of an existing row", async () => {
    await replica.put("tickets", { id: ticketId, title: "Leak", description: "Under the sink", priority: "high" });
    await replica.put("tickets", { id: ticketId, title: "Big leak" });
    expect(await replica.get("tickets", ticketId)).toMatchObject({
      title: "Big leak",
      description: "Under the sink",
      priority: "high",
    });
  });

  it("keeps every column of a server row, in the server's value shapes", async () => {
    const row = {
      id: ticketId,
      organisation_id: organisationId,
      queue_id: null,
      created_by: "0b6c1a52-5d7e-4a36-9a55-4a7f3c2f0003",
      assignee_id: null,
      contact_id: null,
      title: "Leak",
      description: null,
      status: "pending",
      priority: "urgent",
      scheduled_date: "2026-11-23",
      created_at: "2026-11-21T23:00:00.123Z",
      updated_at: "2026-11-22T08:30:00.000Z",
    };
    await replica.put("tickets", row);
    expect(await replica.get("tickets", ticketId)).toEqual(row);
  });

  it("stores jsonb values as JSON, a string included", async () => {
    const id = "0b6c1a52-5d7e-4a36-9a55-4a7f3c2f0004";
    await replica.put("ticket_templates", { id, name: "Survey", fields: { steps: ["a", "b"], isRequired: true } });
    expect((await replica.get("ticket_templates", id))?.fields).toEqual({ steps: ["a", "b"], isRequired: true });
    await replica.put("ticket_templates", { id, fields: "just text" });
    expect((await replica.get("ticket_templates", id))?.fields).toBe("just text");
    await replica.put("ticket_templates", { id, fields: null });
    expect((await replica.get("ticket_templates", id))?.fields).toBeNull();
  });

  it("keeps numerics as decimal strings", async () => {
    const id = "0b6c1a52-5d7e-4a36-9a55-4a7f3c2f0005";
    await replica.put("inspections", {
      id,
      ticket_id: ticketId,
      inspector_id: "0b6c1a52-5d7e-4a36-9a55-4a7f3c2f0003",
      estimated_hours: "2.50",
    });
    expect((await replica.get("inspections", id))?.estimated_hours).toBe("2.50");
  });

  it("lets a device-written comment wait for the server to fill its author", async () => {
    const id = "0b6c1a52-5d7e-4a36-9a55-4a7f3c2f0006";
    await replica.put("comments", { id, ticket_id: ticketId, body: "On my way" });
    expect(await replica.where("comments", "ticket_id", ticketId)).toEqual([
      expect.objectContaining({ id, body: "On my way", author_id: null }),
    ]);
  });

  it("ignores fields and tables it does not know, instead of failing the pull", async () => {
    await replica.put("tickets", { id: ticketId, title: "Leak", "title; drop table tickets": "x" });
    await replica.put("future_table", { id: ticketId, anything: 1 });
    expect(await replica.get("future_table", ticketId)).toBeUndefined();
    expect((await replica.get("tickets", ticketId))?.title).toBe("Leak");
  });

  it("deletes, and keeps its cursor", async () => {
    await replica.put("tickets", { id: ticketId, title: "Leak" });
    await replica.delete("tickets", ticketId);
    expect(await replica.get("tickets", ticketId)).toBeUndefined();
    expect(await replica.getCursor()).toBe(0);
    await replica.setCursor(42);
    expect(await replica.getCursor()).toBe(42);
  });
});

describe("prepareReplicaSchema", () => {
  it("keeps its rows when reopened with the same schema, and starts again from cursor 0 when the schema changed", async () => {
    const database = new PGlite();
    const replica = await PgliteReplica.open(database);
    await replica.put("tickets", { id: ticketId, title: "Leak" });
    await replica.setCursor(7);
    expect(await prepareReplicaSchema(database)).toBe(false);
    expect(await replica.getCursor()).toBe(7);

    await database.exec("update sync_state set schema_hash = 'an older build'");
    expect(await prepareReplicaSchema(database)).toBe(true);
    expect(await replica.getCursor()).toBe(0);
    expect(await replica.get("tickets", ticketId)).toBeUndefined();
    await database.close();
  });
});
