import { z } from "zod";
import type { AnyColumn, Column, ColumnValue } from "./columns.js";

/**
 * How the server reconciles a device's write with what it already has (ARCHITECTURE.md,
 * "Conflict rules per table").
 * - field-lww: per-field last-writer-wins by HLC; concurrent edits to different fields both survive.
 * - append-only: inserts with a device-made id; later edits only by the author.
 * - server-decides: the first decision wins; a later one is rejected and reported.
 * - server-only: devices read it but never write it through sync.
 */
export type ConflictRule = "field-lww" | "append-only" | "server-decides" | "server-only";

export interface TableSpec<C extends Record<string, AnyColumn> = Record<string, AnyColumn>> {
  readonly name: string;
  /** tenant: carries organisation_id, row-level security on it. global: shared across tenants. */
  readonly scope: "tenant" | "global";
  readonly columns: C;
  /** Columns that exist in the database but never leave the server (password hashes, Stripe ids). */
  readonly serverColumns?: readonly string[];
  /** Devices keep a replica of this table. */
  readonly isReplicated: boolean;
  readonly conflict: ConflictRule;
  /** Long-text fields edited as Yjs text and merged character-wise. */
  readonly yjsText?: readonly (keyof C & string)[];
}

export interface Table<C extends Record<string, AnyColumn> = Record<string, AnyColumn>> extends TableSpec<C> {
  /** A full row as the server sends it to devices. */
  readonly row: z.ZodType<RowOf<C>>;
  /** A new row from a device or an API client: id required, server-set columns refused. */
  readonly insert: z.ZodType<InsertOf<C>>;
  /** A change to an existing row: id and only the fields it sets. */
  readonly patch: z.ZodType<PatchOf<C>>;
}

export type RowOf<C> = { [K in keyof C]: ColumnValue<C[K]> };

type WritableKeys<C> = {
  [K in keyof C]: C[K] extends Column<unknown, boolean, boolean, true> ? never : K;
}[keyof C];
type RequiredKeys<C> = {
  [K in keyof C]: C[K] extends Column<unknown, false, false, false> ? K : never;
}[keyof C];

export type InsertOf<C> = { [K in RequiredKeys<C>]: ColumnValue<C[K]> } & {
  [K in Exclude<WritableKeys<C>, RequiredKeys<C>>]?: ColumnValue<C[K]>;
};
export type PatchOf<C> = { id: string } & { [K in WritableKeys<C>]?: ColumnValue<C[K]> };

function valueSchema(column: AnyColumn): z.ZodType {
  return column.isNullable ? column.value.nullable() : column.value;
}

/** Describes a table once; the row, insert and patch validators are derived from it. */
export function defineTable<const C extends Record<string, AnyColumn>>(spec: TableSpec<C>): Table<C> {
  if (!("id" in spec.columns)) throw new Error(`${spec.name}: every table has an id column`);
  if (spec.scope === "tenant" && !("organisation_id" in spec.columns)) {
    throw new Error(`${spec.name}: a tenant table carries organisation_id`);
  }
  const entries = Object.entries(spec.columns);
  const writable = entries.filter(([, c]) => !c.isServerSet);

  const row = z.object(Object.fromEntries(entries.map(([name, c]) => [name, valueSchema(c)])));
  const insert = z.strictObject(
    Object.fromEntries(
      writable.map(([name, c]) => {
        const schema = valueSchema(c);
        const isRequired = name === "id" || (!c.isNullable && !c.hasDefault);
        return [name, isRequired ? schema : schema.optional()];
      }),
    ),
  );
  const patch = z.strictObject(
    Object.fromEntries(writable.map(([name, c]) => [name, name === "id" ? valueSchema(c) : valueSchema(c).optional()])),
  );
  return {
    ...spec,
    // Tables devices write keep per-field clocks beside each row; they never leave the server.
    serverColumns: [...(spec.serverColumns ?? []), ...(spec.conflict === "server-only" ? [] : ["sync_clocks"])],
    row: row as unknown as z.ZodType<RowOf<C>>,
    insert: insert as unknown as z.ZodType<InsertOf<C>>,
    patch: patch as unknown as z.ZodType<PatchOf<C>>,
  };
}
