import { describe, expect, it } from "vitest";
import { weekOf } from "./week.js";
import { entrySeconds, groupByDay, totalsOf } from "./week-totals.js";

const at = (day: number, h: number, m = 0) => new Date(2026, 10, day, h, m).toISOString();
const entry = (id: string, day: number, from: number, to: number | null, billable = true) => ({
  id,
  started_at: at(day, from),
  ended_at: to === null ? null : at(day, to),
  billable,
});
const week = weekOf(new Date(2026, 10, 18)); // Monday 16 to Sunday 22 November 2026

describe("entrySeconds", () => {
  it("counts a running entry as nothing until it stops", () => {
    expect(entrySeconds(entry("a", 16, 8, null))).toBe(0);
    expect(entrySeconds(entry("b", 16, 8, 10))).toBe(7200);
  });
});

describe("totalsOf", () => {
  it("splits billable from non-billable time", () => {
    expect(totalsOf([entry("a", 16, 8, 10), entry("b", 16, 10, 11, false)])).toEqual({
      totalSeconds: 10_800,
      billableSeconds: 7200,
      nonBillableSeconds: 3600,
    });
  });
});

describe("groupByDay", () => {
  it("gives all seven days, Monday first, with each day's entries oldest first and totals", () => {
    const days = groupByDay(
      [entry("late", 17, 13, 15), entry("early", 17, 8, 9, false), entry("sunday", 22, 9, 10)],
      week,
    );
    expect(days.map((d) => d.date)).toEqual(week.days);
    expect(days[1]).toMatchObject({
      date: "2026-11-17",
      totalSeconds: 10_800,
      billableSeconds: 7200,
      nonBillableSeconds: 3600,
    });
    expect(days[1]?.entries.map((e) => e.id)).toEqual(["early", "late"]);
    expect(days[6]?.entries.map((e) => e.id)).toEqual(["sunday"]);
    expect(days[0]).toMatchObject({ entries: [], totalSeconds: 0 });
  });

  it("files an entry past midnight under the day it started", () => {
    const overnight = { id: "night", started_at: at(18, 22), ended_at: at(19, 2), billable: true };
    const days = groupByDay([overnight], week);
    expect(days[2]).toMatchObject({ date: "2026-11-18", totalSeconds: 4 * 3600 });
    expect(days[3]?.entries).toEqual([]);
  });

  it("leaves out entries from other weeks", () => {
    const days = groupByDay([entry("before", 15, 8, 9), entry("after", 23, 8, 9)], week);
    expect(days.every((d) => d.entries.length === 0)).toBe(true);
  });
});
