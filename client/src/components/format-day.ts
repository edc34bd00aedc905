import { parseLocalDate } from "../data/time/week.js";

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short" });
const longDayFormat = new Intl.DateTimeFormat(undefined, { weekday: "long", day: "numeric", month: "long" });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });

/** "Tue 24 Nov" for a YYYY-MM-DD date, in the reader's language; the text itself if it is not a date. */
export function formatDay(date: string): string {
  const day = parseLocalDate(date);
  return day ? dayFormat.format(day) : date;
}

/** "Tuesday 24 November", for headings. */
export function formatLongDay(date: string): string {
  const day = parseLocalDate(date);
  return day ? longDayFormat.format(day) : date;
}

/** A stored instant as a local time of day, "08:30". */
export function formatTimeOfDay(iso: string): string {
  return timeFormat.format(new Date(iso));
}
