import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openRecordingLayer } from "../recording-layer.js";
import { isEntryLocked, listMyEntries, saveEntry } from "./time-entries.js";
import { findMyTimesheet, listTimesheetsToDecide, submitTimesheet, TimesheetError } from "./timesheets.js";
import { weekOf } from "./week.js";

const sam = "5a000000-0000-4000-8000-000000000001";
const jo = "5a000000-0000-4000-8000-000000000002";
const week = weekOf(new Date(2026, 10, 18)); // Monday 16 to Sunday 22 November 2026
const at = (day: number, hour: number) => new Date(2026, 10, day, hour).toISOString();
const uuid = (n: number) => `5a000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

describe("time entries and timesheets on the replica", () => {
  let recording: Awaited<ReturnType<typeof openRecordingLayer>>;
  beforeAll(async () => {
    recording = await openRecordingLayer(sam);
  });
  afterAll(async () => {
    await recording.close();
  });
  beforeEach(async () => {
    await recording.replica.db.exec(
      "delete from time_entries; delete from timesheets; delete from tasks; delete from users",
    );
    recording.writes.length = 0;
  });

  const entry = (n: number, fields: Record<string, unknown>) =>
    recording.replica.put("time_entries", { id: uuid(n), user_id: sam, billable: true, ...fields });

  it("lists the user's own entries of the week, unsent ones included, with what they were on", async () => {
    await recording.replica.put("tasks", { id: uuid(90), title: "Paint classroom 1", assignee_id: sam });
    await entry(1, { started_at: at(17, 8), ended_at: at(17, 10), task_id: uuid(90) });
    await entry(2, { user_id: null, started_at: at(18, 8), ended_at: at(18, 9) });
    await entry(3, { user_id: jo, started_at: at(17, 8), ended_at: at(17, 9) });
    await entry(4, { started_at: at(15, 8), ended_at: at(15, 9) });
    await entry(5, { started_at: at(23, 8), ended_at: at(23, 9) });
    const entries = await listMyEntries(recording.layer, week);
    expect(entries.map((e) => [e.id, e.label])).toEqual([
      [uuid(1), "Paint classroom 1"],
      [uuid(2), null],
    ]);
  });

  it("submits a week as a draft timesheet first, then links its entries, then submits it", async () => {
    await entry(1, { started_at: at(17, 8), ended_at: at(17, 10) });
    await entry(2, { started_at: at(19, 8), ended_at: at(19, 9) });
    await submitTimesheet(recording.layer, week);

    const [created, ...rest] = recording.writes;
    expect(created).toMatchObject({ table: "timesheets", row: { week_start: "2026-11-16", status: "draft" } });
    const sheetId = created?.row.id;
    expect(rest.map((w) => [w.table, w.row])).toEqual([
      ["time_entries", { id: uuid(1), timesheet_id: sheetId }],
      ["time_entries", { id: uuid(2), timesheet_id: sheetId }],
      ["timesheets", { id: sheetId, status: "submitted" }],
    ]);
    expect(await findMyTimesheet(recording.layer, "2026-11-16")).toMatchObject({ id: sheetId, status: "submitted" });
    const entries = await listMyEntries(recording.layer, week);
    expect(entries.every(isEntryLocked)).toBe(true);
  });

  it("submits the existing draft timesheet of the week rather than making a second one", async () => {
    await recording.replica.put("timesheets", { id: uuid(80), user_id: sam, week_start: "2026-11-16" });
    await entry(1, { started_at: at(17, 8), ended_at: at(17, 10), timesheet_id: uuid(80) });
    await entry(2, { started_at: at(18, 8), ended_at: at(18, 10) });
    await submitTimesheet(recording.layer, week);
    expect(recording.writes.map((w) => [w.table, w.row])).toEqual([
      ["time_entries", { id: uuid(2), timesheet_id: uuid(80) }],
      ["timesheets", { id: uuid(80), status: "submitted" }],
    ]);
  });

  it("refuses to submit a week while its timer runs, or a week with no time", async () => {
    await entry(1, { started_at: at(17, 8), ended_at: null });
    await expect(submitTimesheet(recording.layer, week)).rejects.toThrow(
      new TimesheetError("Stop the running timer before submitting this week."),
    );
    await expect(submitTimesheet(recording.layer, weekOf(new Date(2026, 10, 9)))).rejects.toThrow(
      "There is no time in this week to submit.",
    );
    expect(recording.writes).toEqual([]);
  });

  const draft = { ticketId: null, taskId: null, projectId: null, notes: "", billable: true };

  it("refuses time added to a week whose timesheet is submitted, naming Date, and writes nothing", async () => {
    await recording.replica.put("timesheets", {
      id: uuid(80),
      user_id: sam,
      week_start: "2026-11-16",
      status: "submitted",
    });
    const result = await saveEntry(recording.layer, null, { ...draft, startedAt: at(18, 8), endedAt: at(18, 9) });
    expect(result).toEqual({
      ok: false,
      field: "date",
      message: "Date is in a week whose timesheet is submitted: withdraw the timesheet first to change its time.",
    });
    expect(recording.writes).toEqual([]);
  });

  it("takes an entry moved to another week off its old timesheet", async () => {
    await recording.replica.put("timesheets", { id: uuid(80), user_id: sam, week_start: "2026-11-16" });
    await entry(1, { started_at: at(17, 8), ended_at: at(17, 10), timesheet_id: uuid(80) });
    const existing = { id: uuid(1), started_at: at(17, 8), timesheet_id: uuid(80) };
    expect(await saveEntry(recording.layer, existing, { ...draft, startedAt: at(24, 8), endedAt: at(24, 9) })).toEqual({
      ok: true,
    });
    expect(recording.writes[0]?.row).toMatchObject({ id: uuid(1), timesheet_id: null, started_at: at(24, 8) });
  });

  it("names the field the shared schema refuses", async () => {
    const result = await saveEntry(recording.layer, null, {
      ...draft,
      ticketId: "not-a-uuid",
      startedAt: at(18, 8),
      endedAt: at(18, 9),
    });
    expect(result).toMatchObject({ ok: false, field: "ticket_id", message: expect.stringMatching(/^Ticket /) });
  });

  it("lists other people's submitted timesheets for a manager, with total and billable time", async () => {
    await recording.replica.put("users", { id: jo, email: "jo@example.com", name: "Jo Okafor" });
    await recording.replica.put("timesheets", {
      id: uuid(81),
      user_id: jo,
      week_start: "2026-11-16",
      status: "submitted",
    });
    await recording.replica.put("timesheets", {
      id: uuid(82),
      user_id: sam,
      week_start: "2026-11-16",
      status: "submitted",
    });
    await recording.replica.put("timesheets", {
      id: uuid(83),
      user_id: jo,
      week_start: "2026-11-09",
      status: "approved",
    });
    await entry(1, { user_id: jo, timesheet_id: uuid(81), started_at: at(17, 8), ended_at: at(17, 10) });
    await entry(2, {
      user_id: jo,
      timesheet_id: uuid(81),
      started_at: at(18, 8),
      ended_at: at(18, 9),
      billable: false,
    });
    expect(await listTimesheetsToDecide(recording.layer)).toEqual([
      { id: uuid(81), week_start: "2026-11-16", person: "Jo Okafor", total_seconds: 10_800, billable_seconds: 7200 },
    ]);
  });
});
