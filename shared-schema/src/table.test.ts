import { describe, expect, it } from "vitest";
import { tables } from "./schema.js";

const id = "0b9f1f8e-8f5e-4d35-9a53-8d3c1e5a7c11";

describe("table validators", () => {
  it("accepts a new ticket with only its required fields", () => {
    const parsed = tables.tickets.insert.parse({ id, title: "Boiler leaking" });
    expect(parsed).toEqual({ id, title: "Boiler leaking" });
  });

  it("refuses a ticket without a title and names the field", () => {
    const result = tables.tickets.insert.safeParse({ id });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["title"]);
  });

  it("refuses a tenant id from the device: the tenant comes from the session", () => {
    const result = tables.tickets.insert.safeParse({ id, title: "x", organisation_id: id });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe("unrecognized_keys");
  });

  it("refuses a status outside the seed's CHECK list", () => {
    const result = tables.tickets.patch.safeParse({ id, status: "done" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("open, pending, closed, resolved");
  });

  it("accepts a patch that sets only the fields it changes", () => {
    expect(tables.tickets.patch.parse({ id, priority: "urgent" })).toEqual({ id, priority: "urgent" });
  });

  it("refuses a title longer than the column allows", () => {
    expect(tables.tickets.insert.safeParse({ id, title: "x".repeat(501) }).success).toBe(false);
  });

  it("keeps numerics as decimal strings so hours keep their precision", () => {
    const parsed = tables.inspections.insert.parse({ id, ticket_id: id, inspector_id: id, estimated_hours: 1.25 });
    expect(parsed.estimated_hours).toBe("1.25");
  });

  it("refuses a malformed timestamp on a time entry", () => {
    expect(tables.time_entries.insert.safeParse({ id, started_at: "yesterday" }).success).toBe(false);
    expect(tables.time_entries.insert.safeParse({ id, started_at: "2026-11-21T23:00:00.000Z" }).success).toBe(true);
  });

  it("never accepts the generated duration or the approval state from a device", () => {
    const result = tables.time_entries.insert.safeParse({
      id,
      started_at: "2026-11-21T23:00:00.000Z",
      approval_status: "approved",
    });
    expect(result.success).toBe(false);
  });
});
