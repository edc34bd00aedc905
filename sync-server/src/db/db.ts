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

/** Type OIDs whose text form both adapters parse the same way (shared with the device replica). */
export {
  pgTypeParsers as typeParsers,
  serializeJson,
  serializePgParam as serializeParam,
} from "@worktrackr/shared-schema";
