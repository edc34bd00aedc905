/** What a person typed, read or refused with a message naming the field. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const clockPattern = /^(\d{1,2}):(\d{2})$/;
const hoursPattern = /^(\d+(?:[.,]\d+)?)\s*h(?:ours?|rs?)?$/;
const minutesPattern = /^(\d+)\s*m(?:in(?:ute)?s?)?$/;
const hoursAndMinutesPattern = /^(\d+)\s*h(?:ours?|rs?)?\s*(\d+)\s*m(?:in(?:ute)?s?)?$/;

const maxSeconds = 24 * 60 * 60;
const howToWrite = "write it as 1:30, 90m or 1.5h";

function secondsOf(text: string): number | null {
  const clock = clockPattern.exec(text);
  if (clock) {
    const minutes = Number(clock[2]);
    return minutes < 60 ? Number(clock[1]) * 3600 + minutes * 60 : null;
  }
  const both = hoursAndMinutesPattern.exec(text);
  if (both) {
    const minutes = Number(both[2]);
    return minutes < 60 ? Number(both[1]) * 3600 + minutes * 60 : null;
  }
  const hours = hoursPattern.exec(text);
  if (hours) return Math.round(Number(hours[1]?.replace(",", ".")) * 3600);
  const minutes = minutesPattern.exec(text);
  if (minutes) return Number(minutes[1]) * 60;
  return null;
}

/**
 * A duration as crews write it: "1:30", "90m", "1.5h", "2h 15m". A bare number is refused rather
 * than guessed, since "90" and "1.5" would mean minutes to one person and hours to another.
 */
export function parseDuration(input: string, field = "Duration"): Parsed<number> {
  const text = input.trim().toLowerCase();
  if (text === "") return { ok: false, message: `${field} is required: ${howToWrite}.` };
  const seconds = secondsOf(text);
  if (seconds === null) return { ok: false, message: `${field} “${input.trim()}” is not a duration: ${howToWrite}.` };
  if (seconds <= 0) return { ok: false, message: `${field} must be more than zero.` };
  if (seconds > maxSeconds) return { ok: false, message: `${field} must be 24 hours or less.` };
  return { ok: true, value: seconds };
}
