/**
 * How PostgreSQL's text values become JavaScript values, the same on the server (postgres.js and
 * PGlite) and on the device replica: timestamps as ISO-8601 UTC strings with milliseconds, dates as
 * YYYY-MM-DD, bigints as numbers, numerics as decimal strings. A row read anywhere then compares
 * equal to the same row read anywhere else.
 */
const timestampText = /^(\d{4,}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d(?:\.\d+)?)(Z|[+-]\d\d(?::?\d\d)?)?$/;

/** PostgreSQL's text form of a timestamp, as an ISO-8601 UTC string with milliseconds. */
export function parseTimestamp(text: string): string {
  const m = timestampText.exec(text);
  if (!m) return text;
  let zone = m[3] ?? "Z";
  if (/^[+-]\d\d$/.test(zone)) zone += ":00";
  else if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return new Date(`${m[1]}T${m[2]}${zone}`).toISOString();
}

/** Parsers by type OID. */
export const pgTypeParsers: Record<number, (text: string) => unknown> = {
  20: (t) => Number(t), // int8
  1700: (t) => t, // numeric: decimal string, no float rounding of money or hours
  1082: (t) => t, // date
  1114: (t) => parseTimestamp(`${t}Z`), // timestamp without time zone is taken as UTC
  1184: parseTimestamp, // timestamptz
};

/** How a parameter of one of those types is sent. */
export function serializePgParam(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** JSON parameters are always JavaScript values, stringified here (so a string is a JSON string). */
export function serializeJson(value: unknown): string {
  return JSON.stringify(value);
}
