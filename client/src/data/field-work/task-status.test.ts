import { describe, expect, it } from "vitest";
import { dueState } from "./due-date.js";
import { taskActions } from "./task-status.js";

describe("taskActions", () => {
  it("offers Start and Done on a task not begun", () => {
    expect(taskActions("todo").map((a) => [a.label, a.to])).toEqual([
      ["Start", "in_progress"],
      ["Done", "done"],
    ]);
  });

  it("lets a finished task be reopened and a blocked one resumed", () => {
    expect(taskActions("done")).toEqual([{ label: "Reopen", to: "todo" }]);
    expect(taskActions("blocked")).toEqual([{ label: "Resume", to: "in_progress" }]);
  });

  it("offers nothing for a status it does not know", () => {
    expect(taskActions("archived")).toEqual([]);
  });
});

describe("dueState", () => {
  it("compares calendar dates with today", () => {
    expect(dueState("2026-11-21", "2026-11-22")).toBe("overdue");
    expect(dueState("2026-11-22", "2026-11-22")).toBe("today");
    expect(dueState("2026-12-01", "2026-11-22")).toBe("upcoming");
    expect(dueState(null, "2026-11-22")).toBe("none");
  });
});
