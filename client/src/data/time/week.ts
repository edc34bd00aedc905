/**
 * Weeks as a crew member lives them: Monday to Sunday in the device's own time zone. Days are
 * built from calendar fields, never by adding 24 hours, so a daylight-saving change keeps every
 * day starting at local midnight.
 */

/** A week: its Monday as a date (what a timesheet's week_start holds) and its bounds as instants. */
export interface Week {
  /** The Monday, YYYY-MM-DD. */
  readonly weekStart: string;
  /** Monday 00:00 local time. */
  readonly start: Date;
  /** The next Monday 00:00 local time (exclusive). */
  readonly end: Date;
  /** The seven days, Monday first, YYYY-MM-DD. */
  readonly days: readonly string[];
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight of the day `days` after the one holding `day`. */
export function addDays(day: Date, days: number): Date {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate() + days);
}

/** The local calendar date of an instant, YYYY-MM-DD. */
export function localIsoDate(at: Date): string {
  const month = String(at.getMonth() + 1).padStart(2, "0");
  const day = String(at.getDate()).padStart(2, "0");
  return `${at.getFullYear()}-${month}-${day}`;
}

/** Local midnight of a YYYY-MM-DD date, or null when it is not a real date. */
export function parseLocalDate(text: string): Date | null {
  const match = isoDatePattern.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  // new Date rolls 31 February over into March: such a date was never valid.
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date;
}

/** The week (Monday start) holding an instant, in local time. */
export function weekOf(at: Date): Week {
  const daysSinceMonday = (at.getDay() + 6) % 7;
  const start = addDays(at, -daysSinceMonday);
  const days = Array.from({ length: 7 }, (_, i) => localIsoDate(addDays(start, i)));
  return { weekStart: days[0] ?? localIsoDate(start), start, end: addDays(start, 7), days };
}

/** The week `weeks` before (negative) or after the given one. */
export function shiftWeek(week: Week, weeks: number): Week {
  return weekOf(addDays(week.start, weeks * 7));
}

/** The week starting on a YYYY-MM-DD Monday (any day of it will do), or null for a bad date. */
export function weekStartingOn(weekStart: string): Week | null {
  const day = parseLocalDate(weekStart);
  return day ? weekOf(day) : null;
}
