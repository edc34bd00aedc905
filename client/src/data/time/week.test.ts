import { describe, expect, it } from "vitest";
import { localIsoDate, parseLocalDate, shiftWeek, weekOf, weekStartingOn } from "./week.js";

describe("weekOf", () => {
  it("starts on Monday at local midnight", () => {
    const week = weekOf(new Date(2026, 10, 19, 15, 30)); // Thursday 19 November 2026
    expect(week.weekStart).toBe("2026-11-16");
    expect(week.start).toEqual(new Date(2026, 10, 16, 0, 0));
    expect(week.end).toEqual(new Date(2026, 10, 23, 0, 0));
  });

  it("puts Sunday late evening in the week that began the Monday before", () => {
    expect(weekOf(new Date(2026, 10, 22, 23, 59)).weekStart).toBe("2026-11-16");
  });

  it("puts Monday just after midnight in a new week", () => {
    expect(weekOf(new Date(2026, 10, 23, 0, 1)).weekStart).toBe("2026-11-23");
  });

  it("lists the seven days Monday first, across a month end", () => {
    expect(weekOf(new Date(2026, 11, 1)).days).toEqual([
      "2026-11-30",
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
      "2026-12-04",
      "2026-12-05",
      "2026-12-06",
    ]);
  });

  it("keeps each day at local midnight in a week with a daylight-saving change", () => {
    for (const at of [new Date(2026, 2, 25), new Date(2026, 9, 21)]) {
      const week = weekOf(at);
      expect(week.days).toHaveLength(7);
      expect(week.end.getHours()).toBe(0);
      expect(week.end.getDay()).toBe(1);
    }
  });
});

describe("shiftWeek", () => {
  it("moves a whole week back and forth across a year end", () => {
    const week = weekOf(new Date(2026, 11, 30));
    expect(week.weekStart).toBe("2026-12-28");
    expect(shiftWeek(week, 1).weekStart).toBe("2027-01-04");
    expect(shiftWeek(week, -1).weekStart).toBe("2026-12-21");
  });
});

describe("dates", () => {
  it("reads and writes local calendar dates", () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
    expect(parseLocalDate("2026-01-05")).toEqual(new Date(2026, 0, 5));
  });

  it("refuses dates that do not exist", () => {
    expect(parseLocalDate("2026-02-31")).toBeNull();
    expect(parseLocalDate("5/1/2026")).toBeNull();
    expect(weekStartingOn("not a date")).toBeNull();
  });
});
