import { type ReadScope, type Role, type TableName, tableAccess } from "@worktrackr/shared-schema";

export interface Viewer {
  readonly userId: string;
  readonly role: Role;
}

export type Row = Record<string, unknown>;

/** Finds a row of the tenant by table and id (the batch's own state first, then the database). */
export type RowLookup = (table: TableName, id: string) => Row | undefined;

/**
 * Whether a member may see a row (and so hold it on their device and change it). Admins and
 * managers see the whole tenant except other people's own rows; staff see what names them.
 */
export function canSee(viewer: Viewer, table: TableName, row: Row, lookup: RowLookup): boolean {
  const scope: ReadScope = tableAccess[table].read;
  const isOffice = viewer.role !== "staff";
  switch (scope.kind) {
    case "org":
      return true;
    case "managers":
      return isOffice;
    case "own":
      return row[scope.column] === viewer.userId;
    case "assigned":
      return isOffice || row[scope.column] === viewer.userId;
    case "parent": {
      if (isOffice) return true;
      const parentId = row[scope.column];
      const parent = typeof parentId === "string" ? lookup(scope.table, parentId) : undefined;
      return parent !== undefined && canSee(viewer, scope.table, parent, lookup);
    }
    case "child":
      // Rows seen through a child (a job through its tasks) are read-only for staff.
      return isOffice;
  }
}
