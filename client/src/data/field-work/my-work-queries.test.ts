import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRecordingLayer } from "../recording-layer.js";
import { listMyTasks, listMyTickets } from "./my-work-queries.js";
import { setTaskStatus } from "./task-status.js";

const sam = "5b000000-0000-4000-8000-000000000001";
const jo = "5b000000-0000-4000-8000-000000000002";
const uuid = (n: number) => `5b000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

describe("my work on the replica", () => {
  let recording: Awaited<ReturnType<typeof openRecordingLayer>>;
  beforeAll(async () => {
    recording = await openRecordingLayer(sam);
    const { replica } = recording;
    await replica.put("projects", { id: uuid(50), name: "School refurbishment" });
    const tasks: [number, string, string, string | null, string][] = [
      [1, "Finished", "done", "2026-11-01", sam],
      [2, "Undated", "todo", null, sam],
      [3, "Due later", "todo", "2026-11-30", sam],
      [4, "Overdue", "in_progress", "2026-11-10", sam],
      [5, "Jo's", "todo", "2026-11-01", jo],
    ];
    for (const [n, title, status, due_date, assignee_id] of tasks) {
      await replica.put("tasks", { id: uuid(n), project_id: uuid(50), title, status, due_date, assignee_id });
    }
    const tickets: [number, string, string, string | null, string | null, string | null][] = [
      [11, "Tomorrow", "open", "2026-11-23", sam, sam],
      [12, "Today", "pending", "2026-11-22", sam, sam],
      [13, "Resolved", "resolved", "2026-11-22", sam, sam],
      [14, "Jo's ticket", "open", "2026-11-22", jo, sam],
      [15, "Logged on this device", "open", null, null, null],
    ];
    for (const [n, title, status, scheduled_date, assignee_id, created_by] of tickets) {
      await replica.put("tickets", { id: uuid(n), title, status, scheduled_date, assignee_id, created_by });
    }
  });
  afterAll(async () => {
    await recording.close();
  });

  it("lists the user's unfinished tasks by due date, undated after, finished last", async () => {
    const tasks = await listMyTasks(recording.layer);
    expect(tasks.map((t) => t.title)).toEqual(["Overdue", "Due later", "Undated", "Finished"]);
    expect(tasks[0]?.project_name).toBe("School refurbishment");
  });

  it("lists the user's open and pending tickets by scheduled date, their own unsent ones too", async () => {
    const tickets = await listMyTickets(recording.layer);
    expect(tickets.map((t) => t.title)).toEqual(["Today", "Tomorrow", "Logged on this device"]);
  });

  it("moves a task with a patch of its status alone and an update row for the office's history", async () => {
    await setTaskStatus(recording.layer, uuid(4), "done");
    const [patch, update] = recording.writes;
    expect(patch).toEqual({ table: "tasks", op: "upsert", row: { id: uuid(4), status: "done" } });
    expect(update).toMatchObject({ table: "task_updates", op: "upsert", row: { task_id: uuid(4), status: "done" } });
    expect((await listMyTasks(recording.layer)).find((t) => t.id === uuid(4))?.status).toBe("done");
  });
});
