import { type TableName, tables } from "./schema.js";
import type { Table } from "./table.js";

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** CREATE TABLE for one table on a device replica (PGlite): same columns and types as the server. */
export function replicaTableDdl(table: Table): string {
  const columns = Object.entries(table.columns).map(([name, c]) => {
    const parts = [quote(name), c.sqlType];
    if (name === "id") parts.push("PRIMARY KEY");
    // A row the device writes lacks what the server sets (tenant, author) until the server's row
    // replaces it, so those columns may be null on the device unless they have a default.
    else if (!c.isNullable && !(c.isServerSet && c.defaultSql === undefined)) parts.push("NOT NULL");
    if (c.defaultSql !== undefined) parts.push(`DEFAULT ${c.defaultSql}`);
    return `  ${parts.join(" ")}`;
  });
  // No foreign keys: a pull delivers rows in change order, not in dependency order.
  return `CREATE TABLE IF NOT EXISTS ${quote(table.name)} (\n${columns.join(",\n")}\n);`;
}

/** The device replica's whole schema: every replicated table, derived from the one description. */
export function replicaDdl(): string {
  return (Object.keys(tables) as TableName[])
    .map((name) => tables[name] as unknown as Table)
    .filter((t) => t.isReplicated)
    .map(replicaTableDdl)
    .join("\n\n");
}
