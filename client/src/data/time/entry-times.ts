import { parseDuration } from "./duration-input.js";
import { parseLocalDate } from "./week.js";

/** The time fields of the entry form, as typed (date YYYY-MM-DD, times HH:MM, local). */
export interface EntryTimesInput {
  readonly date: string;
  readonly start: string;
  readonly end: string;
  readonly duration: string;
}

export type EntryTimesField = "date" | "start" | "end" | "duration";

export type EntryTimes =
  | { readonly ok: true; readonly startedAt: string; readonly endedAt: string }
  | { readonly ok: false; readonly field: EntryTimesField; readonly message: string };

const timePattern = /^(\d{1,2}):(\d{2})$/;

function atTime(day: Date, time: string): Date | null {
  const match = timePattern.exec(time.trim());
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours > 23 || minutes > 59) return null;
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), hours, minutes);
}

const refuse = (field: EntryTimesField, message: string): EntryTimes => ({ ok: false, field, message });

/**
 * The instants of a time entry from a day, a start, and an end or a duration (local time). A
 * duration may run past midnight; an end is on the same day, so it must come after the start.
 */
export function entryTimes(input: EntryTimesInput): EntryTimes {
  if (input.date.trim() === "") return refuse("date", "Date is required.");
  const day = parseLocalDate(input.date.trim());
  if (!day) return refuse("date", "Date must be a real date (YYYY-MM-DD).");
  if (input.start.trim() === "") return refuse("start", "Start is required.");
  const started = atTime(day, input.start);
  if (!started) return refuse("start", "Start must be a time of day, such as 08:30.");
  const hasEnd = input.end.trim() !== "";
  const hasDuration = input.duration.trim() !== "";
  if (!hasEnd && !hasDuration) return refuse("end", "End or Duration is required.");

  let ended: Date | null = null;
  if (hasEnd) {
    ended = atTime(day, input.end);
    if (!ended) return refuse("end", "End must be a time of day, such as 17:00.");
    if (ended <= started) {
      return refuse("end", "End must be after Start (for work past midnight, give a Duration instead).");
    }
  }
  if (hasDuration) {
    const duration = parseDuration(input.duration);
    if (!duration.ok) return refuse("duration", duration.message);
    const byDuration = new Date(started.getTime() + duration.value * 1000);
    if (ended && ended.getTime() !== byDuration.getTime()) {
      return refuse("duration", "Duration does not match Start and End: clear one of them.");
    }
    ended = byDuration;
  }
  if (!ended) return refuse("end", "End or Duration is required.");
  return { ok: true, startedAt: started.toISOString(), endedAt: ended.toISOString() };
}

/** A local HH:MM for a form field, from a stored instant. */
export function localTimeOfDay(iso: string): string {
  const at = new Date(iso);
  return `${String(at.getHours()).padStart(2, "0")}:${String(at.getMinutes()).padStart(2, "0")}`;
}
