import { type Table, type TableName, tableNames, tables } from "@worktrackr/shared-schema";

/** A table's description as the engine reads it (shared-schema's, widened to the common shape). */
export function tableOf(name: TableName): Table {
  return tables[name] as unknown as Table;
}

/** Columns a device receives: everything described (server-only columns are not described). */
export function visibleColumns(table: Table): string[] {
  return Object.keys(table.columns);
}

/** Columns the engine writes on insert and update: all but generated ones. */
export function storedColumns(table: Table): string[] {
  return Object.entries(table.columns)
    .filter(([, c]) => !c.isGenerated)
    .map(([name]) => name);
}

/** Replicated tables in dependency order (parents first): shared-schema lists them that way. */
export const syncedTableNames: readonly TableName[] = tableNames.filter((name) => {
  const table = tableOf(name);
  return table.isReplicated && table.scope === "tenant";
});

/** Server-set columns that record who created a row: filled with the signed-in user. */
export const creatorColumns = ["created_by", "author_id", "uploader_id", "requested_by", "user_id"] as const;
