import { z } from "zod";

/**
 * A column as both sides see it: its PostgreSQL type (for the device replica's DDL and the
 * drift check against the migrations) and the zod schema of one non-null value on the wire.
 */
export interface Column<
  T = unknown,
  IsNullable extends boolean = boolean,
  HasDefault extends boolean = boolean,
  IsServerSet extends boolean = boolean,
> {
  readonly sqlType: string;
  /** The type name information_schema reports, used by the schema drift test. */
  readonly udtName: string;
  readonly value: z.ZodType<T, unknown>;
  readonly isNullable: IsNullable;
  readonly hasDefault: HasDefault;
  /** SQL default expression for the device replica; undefined when none. */
  readonly defaultSql: string | undefined;
  /** Values allowed by the column's CHECK (… IN …) constraint, when it has one. */
  readonly allowed: readonly string[] | undefined;
  /** Set by the server (tenant, author, timestamps): never accepted from a device. */
  readonly isServerSet: IsServerSet;
  /** The table a uuid column points at; the server checks it is a row of the same tenant. */
  readonly references: string | undefined;
  /** Computed by the database (GENERATED ALWAYS): never written, by anyone. */
  readonly isGenerated: boolean;
  notNull(): Column<T, false, HasDefault, IsServerSet>;
  default(sql: string): Column<T, IsNullable, true, IsServerSet>;
  serverSet(): Column<T, IsNullable, HasDefault, true>;
  refs(table: string): Column<T, IsNullable, HasDefault, IsServerSet>;
  generated(): Column<T, IsNullable, HasDefault, true>;
}

function column<T>(
  sqlType: string,
  udtName: string,
  value: z.ZodType<T, unknown>,
  allowed?: readonly string[],
): Column<T, true, false, false> {
  const make = <N extends boolean, D extends boolean, S extends boolean>(state: {
    isNullable: N;
    hasDefault: D;
    defaultSql: string | undefined;
    isServerSet: S;
    references: string | undefined;
    isGenerated: boolean;
  }): Column<T, N, D, S> => ({
    sqlType,
    udtName,
    value,
    allowed,
    ...state,
    notNull: () => make({ ...state, isNullable: false }),
    default: (sql: string) => make({ ...state, hasDefault: true, defaultSql: sql }),
    serverSet: () => make({ ...state, isServerSet: true }),
    refs: (table: string) => make({ ...state, references: table }),
    generated: () => make({ ...state, isServerSet: true, isGenerated: true }),
  });
  return make({
    isNullable: true,
    hasDefault: false,
    defaultSql: undefined,
    isServerSet: false,
    references: undefined,
    isGenerated: false,
  });
}

const decimalString = /^-?\d+(\.\d+)?$/;

export const uuid = () => column("uuid", "uuid", z.uuid({ error: "must be a UUID" }));
export const text = () => column("text", "text", z.string());
export const varchar = (length: number, options: { isBlankAllowed?: boolean } = {}) =>
  column(
    `varchar(${length})`,
    "varchar",
    (options.isBlankAllowed === false ? z.string().trim().min(1, { error: "must not be blank" }) : z.string()).max(
      length,
      {
        error: `must be at most ${length} characters`,
      },
    ),
  );
/** A varchar with a CHECK (col IN (...)) constraint. */
export const oneOf = <const V extends readonly [string, ...string[]]>(length: number, values: V) =>
  column(`varchar(${length})`, "varchar", z.enum(values, { error: `must be one of: ${values.join(", ")}` }), values);
/** A text column with a CHECK (col IN (...)) constraint. */
export const textOneOf = <const V extends readonly [string, ...string[]]>(values: V) =>
  column("text", "text", z.enum(values, { error: `must be one of: ${values.join(", ")}` }), values);
export const integer = () => column("integer", "int4", z.number().int().min(-2147483648).max(2147483647));
export const nonNegativeInteger = () =>
  column("integer", "int4", z.number().int().min(0, { error: "must not be negative" }).max(2147483647));
export const bigint = () => column("bigint", "int8", z.number().int());
/** Numerics travel as decimal strings so money and hours keep their precision. */
export const numeric = (precision?: number, scale?: number) =>
  column(
    precision === undefined ? "numeric" : `numeric(${precision},${scale ?? 0})`,
    "numeric",
    z
      .union([z.number(), z.string().regex(decimalString, { error: "must be a decimal number" })])
      .transform((v) => String(v)),
  );
export const boolean = () => column("boolean", "bool", z.boolean());
/** Timestamps travel as ISO-8601 strings with an offset. */
export const timestamptz = () =>
  column("timestamptz", "timestamptz", z.iso.datetime({ offset: true, error: "must be an ISO-8601 date-time" }));
export const date = () => column("date", "date", z.iso.date({ error: "must be a date (YYYY-MM-DD)" }));
export const jsonb = <T = unknown>(schema?: z.ZodType<T>) =>
  column<T>("jsonb", "jsonb", schema ?? (z.json() as unknown as z.ZodType<T>));
/** A SHA-256 digest in lower-case hex: how photos are addressed. */
export const sha256Hex = () =>
  column("char(64)", "bpchar", z.string().regex(/^[0-9a-f]{64}$/, { error: "must be a SHA-256 hex digest" }));

// biome-ignore lint/suspicious/noExplicitAny: variance: any column, whatever its value type
export type AnyColumn = Column<any, boolean, boolean, boolean>;
export type ColumnValue<C> =
  C extends Column<infer T, infer N, boolean, boolean> ? (N extends true ? T | null : T) : never;
