import { describe, expect, it } from "vitest";
import { entryTimes, localTimeOfDay } from "./entry-times.js";

const local = (h: number, m: number, day = 17) => new Date(2026, 10, day, h, m).toISOString();

describe("entryTimes", () => {
  it("takes a start and an end on the day, in local time", () => {
    expect(entryTimes({ date: "2026-11-17", start: "08:00", end: "10:30", duration: "" })).toEqual({
      ok: true,
      startedAt: local(8, 0),
      endedAt: local(10, 30),
    });
  });

  it("takes a start and a duration, which may run past midnight", () => {
    expect(entryTimes({ date: "2026-11-17", start: "22:00", end: "", duration: "3h" })).toEqual({
      ok: true,
      startedAt: local(22, 0),
      endedAt: local(1, 0, 18),
    });
  });

  it("accepts an end and a duration that agree", () => {
    expect(entryTimes({ date: "2026-11-17", start: "08:00", end: "09:30", duration: "1:30" })).toMatchObject({
      ok: true,
    });
  });

  it("refuses an end that is not after the start, naming End", () => {
    expect(entryTimes({ date: "2026-11-17", start: "10:00", end: "09:00", duration: "" })).toEqual({
      ok: false,
      field: "end",
      message: "End must be after Start (for work past midnight, give a Duration instead).",
    });
    expect(entryTimes({ date: "2026-11-17", start: "10:00", end: "10:00", duration: "" })).toMatchObject({
      ok: false,
      field: "end",
    });
  });

  it("refuses an end and a duration that disagree, naming Duration", () => {
    expect(entryTimes({ date: "2026-11-17", start: "08:00", end: "09:00", duration: "2h" })).toEqual({
      ok: false,
      field: "duration",
      message: "Duration does not match Start and End: clear one of them.",
    });
  });

  it("names the missing or malformed field", () => {
    expect(entryTimes({ date: "", start: "08:00", end: "09:00", duration: "" })).toMatchObject({
      field: "date",
      message: "Date is required.",
    });
    expect(entryTimes({ date: "2026-02-30", start: "08:00", end: "09:00", duration: "" })).toMatchObject({
      field: "date",
    });
    expect(entryTimes({ date: "2026-11-17", start: "", end: "09:00", duration: "" })).toMatchObject({
      field: "start",
      message: "Start is required.",
    });
    expect(entryTimes({ date: "2026-11-17", start: "25:00", end: "", duration: "1h" })).toMatchObject({
      field: "start",
    });
    expect(entryTimes({ date: "2026-11-17", start: "08:00", end: "", duration: "" })).toMatchObject({
      field: "end",
      message: "End or Duration is required.",
    });
    expect(entryTimes({ date: "2026-11-17", start: "08:00", end: "", duration: "ninety" })).toMatchObject({
      field: "duration",
      message: "Duration “ninety” is not a duration: write it as 1:30, 90m or 1.5h.",
    });
  });
});

describe("localTimeOfDay", () => {
  it("shows a stored instant as the local time a form field takes", () => {
    expect(localTimeOfDay(local(7, 5))).toBe("07:05");
  });
});
