import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openRecordingLayer } from "../recording-layer.js";
import { findRunningTimer, startTimer, stopTimer } from "./timer.js";

const sam = "5b000000-0000-4000-8000-000000000001";
const jo = "5b000000-0000-4000-8000-000000000002";
const uuid = (n: number) => `5b000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 8, minute));

describe("the timer", () => {
  let recording: Awaited<ReturnType<typeof openRecordingLayer>>;
  beforeAll(async () => {
    recording = await openRecordingLayer(sam);
  });
  afterAll(async () => {
    await recording.close();
  });
  beforeEach(async () => {
    await recording.replica.db.exec("delete from time_entries; delete from tickets");
    recording.writes.length = 0;
  });

  it("is a time entry with a start and no end, on what it was started on", async () => {
    await recording.replica.put("tickets", { id: uuid(50), title: "Boiler pressure" });
    const id = await startTimer(recording.layer, { ticketId: uuid(50) }, at(0));
    expect(await findRunningTimer(recording.layer)).toMatchObject({
      id,
      ticket_id: uuid(50),
      started_at: at(0).toISOString(),
      label: "Boiler pressure",
    });
    await stopTimer(recording.layer, id, at(30));
    expect(await findRunningTimer(recording.layer)).toBeNull();
    expect(recording.writes.at(-1)).toEqual({
      table: "time_entries",
      op: "upsert",
      row: { id, ended_at: at(30).toISOString() },
    });
  });

  it("stops every running timer of mine when another starts, at the same instant, one from another device too", async () => {
    const fromPhone = uuid(1);
    await recording.replica.put("time_entries", { id: fromPhone, user_id: sam, started_at: at(0).toISOString() });
    const onThisDevice = await startTimer(recording.layer, {}, at(5));
    const next = await startTimer(recording.layer, {}, at(20));

    const stops = recording.writes.filter((w) => "ended_at" in w.row).map((w) => [w.row.id, w.row.ended_at]);
    expect(stops).toEqual([
      [fromPhone, at(5).toISOString()],
      [onThisDevice, at(20).toISOString()],
    ]);
    expect((await findRunningTimer(recording.layer))?.id).toBe(next);
  });

  it("leaves a teammate's running timer alone (a manager's replica holds everyone's)", async () => {
    await recording.replica.put("time_entries", { id: uuid(2), user_id: jo, started_at: at(0).toISOString() });
    expect(await findRunningTimer(recording.layer)).toBeNull();
    await startTimer(recording.layer, {}, at(10));
    expect(recording.writes.some((w) => w.row.id === uuid(2))).toBe(false);
  });
});
