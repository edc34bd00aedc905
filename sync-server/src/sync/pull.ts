import { formatHlc, type syncApi, type TableName, tableAccess } from "@worktrackr/shared-schema";
import type { Db, Tx } from "../db/db.js";
import { ident, idents } from "../db/sql-template.js";
import { type TenantContext, withTenant } from "../tenancy/tenant-context.js";
import { loadRows, rowKey } from "./rows.js";
import { canSee, type Row } from "./scope.js";
import { syncedTableNames, tableOf, visibleColumns } from "./table-meta.js";

interface LogEntry {
  version: number;
  table_name: TableName;
  row_id: string;
  op: "upsert" | "delete";
  owner_before: string | null;
  owner_after: string | null;
  owner_changed_version: number | null;
}

/** Tables whose rows hang off another's (a ticket's comments): they enter and leave scope with it. */
function childTablesOf(parent: TableName): { table: TableName; column: string }[] {
  return syncedTableNames.flatMap((table) => {
    const scope = tableAccess[table].read;
    return scope.kind === "parent" && scope.table === parent ? [{ table, column: scope.column }] : [];
  });
}

async function rowsWhere(tx: Tx, org: string, table: TableName, column: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx.sql<Row>`
    select ${idents(visibleColumns(tableOf(table)))} from ${ident(table)}
    where organisation_id = ${org} and ${ident(column)} = any(${ids}::uuid[])`;
}

/**
 * One page of everything in the caller's scope that changed after the cursor: rows as they stand,
 * tombstones for deletes, and drops for rows that left the caller's scope. Rows that enter a
 * staff member's scope bring the rows hanging off them (a newly assigned ticket's comments).
 */
export async function pullChanges(
  db: Db,
  tenant: TenantContext & { readonly userId: string },
  cursor: number,
  limit: number,
  now: Date,
): Promise<syncApi.PullResponse> {
  const org = tenant.organisationId;
  const viewer = { userId: tenant.userId, role: tenant.role };
  const isStaff = tenant.role === "staff";
  return withTenant(db, tenant, async (tx) => {
    const entries = await tx.sql<LogEntry>`
      select version, table_name, row_id, op, owner_before, owner_after, owner_changed_version from change_log
      where organisation_id = ${org} and version > ${cursor}
      order by version limit ${limit + 1}`;
    const more = entries.length > limit;
    const page = entries.slice(0, limit);

    const rows = new Map<string, Row>();
    const upsertIds = new Map<TableName, string[]>();
    for (const e of page) {
      if (e.op !== "upsert" || !syncedTableNames.includes(e.table_name)) continue;
      if (!upsertIds.has(e.table_name)) upsertIds.set(e.table_name, []);
      upsertIds.get(e.table_name)?.push(e.row_id);
    }
    for (const [table, ids] of upsertIds) {
      for (const row of await loadRows(tx, org, table, ids)) {
        rows.set(rowKey(table, String(row.id)), row);
      }
    }

    // Staff scope needs the parents of parent-scoped rows, and the jobs they have tasks in.
    const parents = new Map<string, Row>();
    const myProjects = new Set<string>();
    if (isStaff) {
      const wanted = new Map<TableName, Set<string>>();
      const want = (table: TableName, id: unknown) => {
        if (typeof id !== "string") return;
        if (!wanted.has(table)) wanted.set(table, new Set());
        wanted.get(table)?.add(id);
      };
      for (const [k, row] of rows) {
        const table = k.slice(0, k.indexOf(":")) as TableName;
        const scope = tableAccess[table].read;
        if (scope.kind === "parent") want(scope.table, row[scope.column]);
      }
      for (const [table, ids] of wanted) {
        for (const row of await loadRows(tx, org, table, [...ids])) {
          parents.set(rowKey(table, String(row.id)), row);
        }
      }
      const projects = await tx.sql<{ project_id: string }>`
        select distinct project_id from tasks
        where organisation_id = ${org} and assignee_id = ${tenant.userId} and project_id is not null`;
      for (const p of projects) myProjects.add(p.project_id);
    }
    const lookup = (table: TableName, id: string) => rows.get(rowKey(table, id)) ?? parents.get(rowKey(table, id));
    const visible = (table: TableName, row: Row): boolean =>
      table === "projects" && isStaff ? myProjects.has(String(row.id)) : canSee(viewer, table, row, lookup);

    const changes: syncApi.Change[] = [];
    const entered = new Map<TableName, { ids: string[]; version: number }>();
    for (const e of page) {
      if (!syncedTableNames.includes(e.table_name)) continue;
      const scope = tableAccess[e.table_name].read;
      // The row's owner changed since the caller's cursor: it may have entered or left their scope
      // (the log keeps only the latest change, so who owned it at the cursor is not known).
      const ownerMoved = (e.owner_changed_version ?? 0) > cursor;
      const wasMine = e.owner_before === tenant.userId || (ownerMoved && scope.kind !== "own");
      if (e.op === "delete") {
        const told =
          scope.kind === "managers"
            ? !isStaff
            : scope.kind === "own"
              ? wasMine
              : scope.kind === "assigned"
                ? !isStaff || wasMine
                : true;
        if (told) changes.push({ op: "delete", table: e.table_name, id: e.row_id, version: e.version });
        continue;
      }
      const row = rows.get(rowKey(e.table_name, e.row_id));
      if (row && visible(e.table_name, row)) {
        changes.push({ op: "upsert", table: e.table_name, row, version: e.version });
        if (isStaff && scope.kind === "assigned" && ownerMoved) {
          const list = entered.get(e.table_name) ?? { ids: [], version: e.version };
          list.ids.push(e.row_id);
          list.version = e.version;
          entered.set(e.table_name, list);
        }
      } else if (wasMine) {
        // It left the caller's scope: their device drops it, and what hangs off it.
        changes.push({ op: "delete", table: e.table_name, id: e.row_id, version: e.version });
        if (e.table_name === "tasks" && isStaff) {
          // A job stays on the device while the member still has a task in it.
          const project = row?.project_id;
          if (typeof project === "string" && !myProjects.has(project)) {
            changes.push({ op: "delete", table: "projects", id: project, version: e.version });
          }
        }
      }
    }

    // Rows that entered a staff member's scope bring what hangs off them, which did not change.
    let frontier = entered;
    while (frontier.size > 0) {
      const next = new Map<TableName, { ids: string[]; version: number }>();
      for (const [parent, { ids, version }] of frontier) {
        for (const child of childTablesOf(parent)) {
          const found = await rowsWhere(tx, org, child.table, child.column, ids);
          for (const row of found) changes.push({ op: "upsert", table: child.table, row, version });
          if (found.length > 0) next.set(child.table, { ids: found.map((r) => String(r.id)), version });
        }
        if (parent === "tasks") {
          const projectIds = changes
            .filter((c) => c.op === "upsert" && c.table === "tasks" && ids.includes(String(c.row.id)))
            .map((c) => (c.op === "upsert" ? c.row.project_id : null))
            .filter((p): p is string => typeof p === "string");
          for (const row of await rowsWhere(tx, org, "projects", "id", [...new Set(projectIds)])) {
            changes.push({ op: "upsert", table: "projects", row, version });
          }
        }
      }
      frontier = next;
    }

    // Members' names and emails travel with their memberships (users are not a tenant table).
    const memberUserIds = changes.flatMap((c) =>
      c.op === "upsert" && c.table === "memberships" ? [String(c.row.user_id)] : [],
    );
    if (memberUserIds.length > 0) {
      const users = await tx.sql<Row>`
        select ${idents(visibleColumns(tableOf("users")))} from users where id = any(${memberUserIds}::uuid[])`;
      const version = page.at(-1)?.version ?? cursor;
      for (const row of users) changes.push({ op: "upsert", table: "users", row, version });
    }
    if (cursor === 0) {
      const [organisation] = await tx.sql<Row>`
        select ${idents(visibleColumns(tableOf("organisations")))} from organisations where id = ${org}`;
      if (organisation) changes.unshift({ op: "upsert", table: "organisations", row: organisation, version: 0 });
    }

    return {
      changes,
      cursor: page.at(-1)?.version ?? cursor,
      more,
      // No stored clock is ahead of the server's (pushes clamp them), so its time orders the
      // device's next edits after everything in this page.
      hlc: formatHlc({ millis: now.getTime(), counter: 0xffff, clientId: "server" }),
    };
  });
}
