import type { ParserOptions, SerializerOptions } from "@electric-sql/pglite";

const timestampText = /^(\d{4,}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d(?:\.\d+)?)(Z|[+-]\d\d(?::?\d\d)?)?$/;

/** PostgreSQL's text form of a timestamp, as the ISO-8601 UTC string (milliseconds) the server sends. */
export function parseTimestamp(text: string): string {
  const match = timestampText.exec(text);
  if (!match) return text;
  let zone = match[3] ?? "Z";
  if (/^[+-]\d\d$/.test(zone)) zone += ":00";
  else if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return new Date(`${match[1]}T${match[2]}${zone}`).toISOString();
}

/**
 * Values read from the replica take the same JavaScript shapes as the server's rows (its database
 * port's contract): timestamps as ISO strings, dates as YYYY-MM-DD, bigints as numbers, numerics as
 * decimal strings. A row read back and merged with a pending write then matches what a pull delivers.
 */
export const replicaParsers: ParserOptions = {
  20: (text) => Number(text), // int8
  1700: (text) => text, // numeric: no float rounding of money or hours
  1082: (text) => text, // date
  1114: (text) => parseTimestamp(`${text}Z`), // timestamp without time zone, taken as UTC
  1184: parseTimestamp, // timestamptz
};

/**
 * json and jsonb parameters are JavaScript values, always stringified: PGlite's default passes a
 * string through as if it were JSON already, which would store the JSON string "a" as invalid JSON.
 */
export const replicaSerializers: SerializerOptions = {
  114: (value) => JSON.stringify(value),
  3802: (value) => JSON.stringify(value),
};
