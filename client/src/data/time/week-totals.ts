import { localIsoDate, type Week } from "./week.js";

/** What totals need of a time entry. */
export interface TimedEntry {
  readonly started_at: string;
  readonly ended_at: string | null;
  readonly billable: boolean;
}

export interface Totals {
  readonly totalSeconds: number;
  readonly billableSeconds: number;
  readonly nonBillableSeconds: number;
}

export interface DayOfEntries<E> extends Totals {
  /** YYYY-MM-DD, local. */
  readonly date: string;
  /** Oldest first, as the day was worked. */
  readonly entries: readonly E[];
}

/** Seconds an entry lasted; a running one (no end) counts nothing until it stops. */
export function entrySeconds(entry: TimedEntry): number {
  if (!entry.ended_at) return 0;
  return Math.max(0, Math.floor((Date.parse(entry.ended_at) - Date.parse(entry.started_at)) / 1000));
}

export function totalsOf(entries: readonly TimedEntry[]): Totals {
  let totalSeconds = 0;
  let billableSeconds = 0;
  for (const entry of entries) {
    const seconds = entrySeconds(entry);
    totalSeconds += seconds;
    if (entry.billable) billableSeconds += seconds;
  }
  return { totalSeconds, billableSeconds, nonBillableSeconds: totalSeconds - billableSeconds };
}

/**
 * The week's seven days with their entries and totals. An entry belongs to the local day it started
 * on, even when it runs past midnight, as a timesheet line would read. Entries outside the week are
 * left out.
 */
export function groupByDay<E extends TimedEntry>(entries: readonly E[], week: Week): DayOfEntries<E>[] {
  const byDay = new Map<string, E[]>(week.days.map((day) => [day, []]));
  const ordered = [...entries].sort((a, b) => Date.parse(a.started_at) - Date.parse(b.started_at));
  for (const entry of ordered) byDay.get(localIsoDate(new Date(entry.started_at)))?.push(entry);
  return week.days.map((date) => {
    const dayEntries = byDay.get(date) ?? [];
    return { date, entries: dayEntries, ...totalsOf(dayEntries) };
  });
}
