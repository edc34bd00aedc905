export type Row = Record<string, unknown>;

/** postgres.js-style tagged template: values become parameters. */
export type Sql = <T extends object = Row>(strings: TemplateStringsArray, ...values: unknown[]) => Promise<T[]>;

export interface Tx {
  readonly sql: Sql;
  /** Runs a script of several statements without parameters (migrations, SET LOCAL). */
  exec(script: string): Promise<void>;
  /**
   * Runs fn in a savepoint: if it throws, only its own work is undone and the transaction goes on
   * (a rejected mutation must not abort the batch around it). Outside a transaction: a transaction.
   */
  savepoint<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

/**
 * The database port. Two adapters, PostgreSQL (postgres.js) and embedded PGlite, run the same SQL
 * and return the same JavaScript values: timestamps as ISO-8601 strings, dates as YYYY-MM-DD,
 * bigints as numbers, numerics as decimal strings, json as values.
 */
export interface Db extends Tx {
  readonly kind: "postgres" | "pglite";
  begin<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Subscribes to a NOTIFY channel; resolves once listening, with a function that stops it. On
   * PostgreSQL this reaches every server instance on the database.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

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

/** How both adapters send a parameter whose type is one of typeParsers' or json. */
export function serializeParam(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** JSON parameters are always JavaScript values, stringified here (a string is a JSON string). */
export function serializeJson(value: unknown): string {
  return JSON.stringify(value);
}

/** Type OIDs whose text form both adapters parse the same way. */
export const typeParsers: Record<number, (text: string) => unknown> = {
  20: (t) => Number(t), // int8
  1700: (t) => t, // numeric: decimal string, no float rounding
  1082: (t) => t, // date
  1114: (t) => parseTimestamp(`${t}Z`), // timestamp without time zone is taken as UTC
  1184: parseTimestamp, // timestamptz
};
