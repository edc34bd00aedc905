import { type TableName, tableAccess } from "@worktrackr/shared-schema";
import type { Tx } from "../db/db.js";
import { ident, idents } from "../db/sql-template.js";
import type { TenantContext } from "../tenancy/tenant-context.js";
import { canSee, type Row } from "./scope.js";
import { tableOf, visibleColumns } from "./table-meta.js";

/** How a batch keys the rows it holds. */
export const rowKey = (table: string, id: string) => `${table}:${id}`;

/** Rows of a table by id within the tenant, as a device receives them. */
export async function loadRows(tx: Tx, org: string, table: TableName, ids: readonly string[]): Promise<Row[]> {
  if (ids.length === 0) return [];
  return tx.sql<Row>`
    select ${idents(visibleColumns(tableOf(table)))} from ${ident(table)}
    where organisation_id = ${org} and id = any(${ids}::uuid[])`;
}

/** Rows a push is about to change, with their per-field clocks, locked until the push commits. */
export async function lockRowsForWrite(
  tx: Tx,
  org: string,
  table: TableName,
  ids: readonly string[],
): Promise<{ row: Row; clocks: Record<string, string> }[]> {
  if (ids.length === 0) return [];
  const rows = await tx.sql<Row & { sync_clocks: Record<string, string> | null }>`
    select ${idents(visibleColumns(tableOf(table)))}, to_jsonb(t) -> 'sync_clocks' as sync_clocks
    from ${ident(table)} t
    where organisation_id = ${org} and id = any(${ids}::uuid[]) for update`;
  return rows.map(({ sync_clocks, ...row }) => ({ row, clocks: { ...(sync_clocks ?? {}) } }));
}

/** A row as the caller may see it now, or undefined (absent, or outside their scope). */
export async function visibleRow(
  tx: Tx,
  tenant: TenantContext & { readonly userId: string },
  table: TableName,
  id: string,
): Promise<Row | undefined> {
  const [row] = await loadRows(tx, tenant.organisationId, table, [id]);
  if (!row) return undefined;
  const parents = new Map<string, Row>();
  const scope = tableAccess[table].read;
  if (scope.kind === "parent" && typeof row[scope.column] === "string") {
    const [parent] = await loadRows(tx, tenant.organisationId, scope.table, [String(row[scope.column])]);
    if (parent) parents.set(rowKey(scope.table, String(parent.id)), parent);
  }
  const viewer = { userId: tenant.userId, role: tenant.role };
  return canSee(viewer, table, row, (t, parentId) => parents.get(rowKey(t, parentId))) ? row : undefined;
}
