import { formatHlc, isTableName, type syncApi, type TableName } from "@worktrackr/shared-schema";
import { assertWritable } from "../billing/access.js";
import type { Db, Tx } from "../db/db.js";
import { fragment, ident, idents, join, SqlFragment } from "../db/sql-template.js";
import { type TenantContext, withTenant } from "../tenancy/tenant-context.js";
import { loadRows, lockRowsForWrite, rowKey, visibleRow } from "./rows.js";
import { type ConflictRecord, type Effect, type Outcome, type RowState, resolveMutation } from "./rules.js";
import { canSee, type Row } from "./scope.js";
import { storedColumns, syncedTableNames, tableOf, visibleColumns } from "./table-meta.js";

/** The NOTIFY channel the change-log trigger announces new tenant versions on (migration 0003). */
export const syncChannel = "worktrackr_sync";

export interface PushInput {
  readonly tenant: TenantContext & { readonly userId: string };
  readonly clientId: string;
  readonly mutations: readonly syncApi.Mutation[];
  readonly now: Date;
}

/** The tenant's version row, locked: pushes of one tenant take turns, so versions commit in order. */
async function lockTenant(tx: Tx, organisationId: string): Promise<void> {
  await tx.sql`
    insert into sync_versions as v (organisation_id, version) values (${organisationId}, 0)
    on conflict (organisation_id) do update set version = v.version`;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every uuid a batch's rows point at, by referenced table, so references and scopes resolve in bulk. */
function referencedIds(rows: Iterable<{ table: TableName; row: Row }>): Map<TableName, Set<string>> {
  const wanted = new Map<TableName, Set<string>>();
  for (const { table, row } of rows) {
    for (const [name, column] of Object.entries(tableOf(table).columns)) {
      const value = row[name];
      if (!column.references || column.references === "users" || typeof value !== "string" || !uuidPattern.test(value))
        continue;
      const target = column.references as TableName;
      if (!wanted.has(target)) wanted.set(target, new Set());
      wanted.get(target)?.add(value);
    }
  }
  return wanted;
}

interface BatchResult {
  readonly acks: syncApi.Ack[];
  readonly conflicts: ConflictRecord[];
}

/** SQL for a NOT NULL column's default when a new row leaves it out. */
function insertValue(table: TableName, column: string): SqlFragment {
  const spec = tableOf(table).columns[column];
  if (spec && !spec.isNullable && spec.defaultSql !== undefined) {
    // The default comes from shared-schema's description, which the schema-drift test ties to the migration.
    return new SqlFragment(`coalesce(x.${ident(column).text}, ${spec.defaultSql})`);
  }
  return fragment`x.${ident(column)}`;
}

/**
 * Resolves and writes a batch of mutations set-based: a few statements per table however many
 * mutations. Throws when the database refuses the writes (a constraint); the caller then retries
 * mutation by mutation so one bad write cannot block the rest.
 */
async function applyBatch(tx: Tx, input: PushInput, mutations: readonly syncApi.Mutation[]): Promise<BatchResult> {
  const { tenant, now } = input;
  const org = tenant.organisationId;
  const targets = new Map<TableName, Set<string>>();
  for (const m of mutations) {
    const table = m.table as TableName;
    if (!targets.has(table)) targets.set(table, new Set());
    targets.get(table)?.add(String(m.row.id));
  }

  const loaded = new Map<string, Row>();
  const states = new Map<string, RowState>();
  const tombstones = new Set<string>();
  // One query per table, so the lookup uses the log's (tenant, table, row) index.
  for (const [table, ids] of targets) {
    for (const row of await tx.sql<{ row_id: string }>`
        select row_id from change_log
        where organisation_id = ${org} and table_name = ${table} and row_id = any(${[...ids]}::uuid[]) and op = 'delete'`) {
      tombstones.add(rowKey(table, row.row_id));
    }
  }
  for (const [table, ids] of targets) {
    for (const { row, clocks } of await lockRowsForWrite(tx, org, table, [...ids])) {
      loaded.set(rowKey(table, String(row.id)), row);
      states.set(rowKey(table, String(row.id)), {
        table,
        id: String(row.id),
        row,
        clocks,
        existedBefore: true,
        tombstoned: false,
        changed: false,
      });
    }
  }
  // Rows the batch points at (parents for scope, references), in two rounds: the mutations'
  // own references, then those of the rows they change.
  const toLoad = [referencedIds(mutations.map((m) => ({ table: m.table as TableName, row: m.row as Row }))), undefined];
  for (let round = 0; round < 2; round++) {
    const wanted =
      toLoad[round] ??
      referencedIds([...states.values()].flatMap((s) => (s.row ? [{ table: s.table, row: s.row }] : [])));
    for (const [table, ids] of wanted) {
      const missing = [...ids].filter((id) => !loaded.has(rowKey(table, id)));
      for (const row of await loadRows(tx, org, table, missing)) {
        loaded.set(rowKey(table, String(row.id)), row);
      }
    }
  }
  const members = await tx.sql<{ user_id: string }>`select user_id from memberships where organisation_id = ${org}`;
  const memberIds = new Set(members.map((m) => m.user_id));

  const lookup = (table: TableName, id: string): Row | undefined => {
    const state = states.get(rowKey(table, id));
    if (state) return state.row ?? undefined;
    return loaded.get(rowKey(table, id));
  };
  let clamped = 0;
  const ctx = {
    organisationId: org,
    userId: tenant.userId,
    role: tenant.role,
    now,
    lookup,
    memberIds,
    clampCounter: () => Math.min(clamped++, 0xffff),
  };

  const acks: syncApi.Ack[] = [];
  const ackRows: { ack: syncApi.Ack; table: TableName; id: string }[] = [];
  const conflicts: ConflictRecord[] = [];
  const effects: Effect[] = [];
  for (const m of mutations) {
    const table = m.table as TableName;
    const id = String(m.row.id);
    const k = rowKey(table, id);
    let state = states.get(k);
    if (!state) {
      state = { table, id, row: null, clocks: {}, existedBefore: false, tombstoned: tombstones.has(k), changed: false };
      states.set(k, state);
    }
    const outcome: Outcome = resolveMutation(m, state, ctx);
    const ack: syncApi.Ack = {
      id: m.id,
      status: outcome.status,
      ...(outcome.reason ? { reason: outcome.reason } : {}),
      ...(outcome.code ? { code: outcome.code } : {}),
    };
    acks.push(ack);
    ackRows.push({ ack, table, id });
    conflicts.push(...outcome.conflicts);
    effects.push(...outcome.effects);
  }

  const written = await writeStates(
    tx,
    org,
    [...states.values()].filter((s) => s.changed),
  );
  const decided = effects.filter((e) => e.kind === "timesheet-decided");
  for (const status of ["approved", "rejected"] as const) {
    const ids = decided.filter((e) => e.status === status).map((e) => e.timesheetId);
    if (ids.length > 0) {
      await tx.sql`
        update time_entries set approval_status = ${status}
        where organisation_id = ${org} and timesheet_id = any(${ids}::uuid[])`;
    }
  }

  // The device gets the server's row back, so its replica shows what actually stands.
  const touched = new Map<TableName, Set<string>>();
  for (const { table, id } of ackRows) {
    if (!touched.has(table)) touched.set(table, new Set());
    touched.get(table)?.add(id);
  }
  // Rows the writes returned; the rest (refused or unchanged, or changed again by a side effect) are read.
  const finalRows = new Map<string, Row>(written);
  for (const effect of effects) finalRows.delete(rowKey("timesheets", effect.timesheetId));
  for (const [table, ids] of touched) {
    const missing = [...ids].filter((id) => !finalRows.has(rowKey(table, id)));
    for (const row of await loadRows(tx, org, table, missing)) finalRows.set(rowKey(table, String(row.id)), row);
  }
  const viewer = { userId: tenant.userId, role: tenant.role };
  for (const { ack, table, id } of ackRows) {
    const row = finalRows.get(rowKey(table, id));
    // A write to a row the device may not see (a refused edit of another's ticket) gets no row back.
    ack.row = row && canSee(viewer, table, row, lookup) ? row : null;
  }
  return { acks, conflicts };
}

/** Inserts, updates and deletes the batch's final row states, parents first (children first for deletes). */
async function writeStates(tx: Tx, org: string, changed: readonly RowState[]): Promise<Map<string, Row>> {
  const written = new Map<string, Row>();
  const byTable = new Map<TableName, RowState[]>();
  for (const state of changed) {
    if (!byTable.has(state.table)) byTable.set(state.table, []);
    byTable.get(state.table)?.push(state);
  }
  for (const table of syncedTableNames) {
    const states = byTable.get(table);
    if (!states) continue;
    const columns = storedColumns(tableOf(table));
    const visible = idents(visibleColumns(tableOf(table)));
    const visibleOf = (alias: string) =>
      join(visibleColumns(tableOf(table)).map((c) => new SqlFragment(`${alias}.${ident(c).text}`)));
    const payload = (s: RowState) => ({ ...s.row, sync_clocks: s.clocks });
    const inserts = states.filter((s) => !s.existedBefore && s.row).map(payload);
    const updates = states.filter((s) => s.existedBefore && s.row).map(payload);
    if (inserts.length > 0) {
      const rows = await tx.sql<Row>`
        insert into ${ident(table)} (${idents(columns)}, sync_clocks)
        select ${join(columns.map((c) => insertValue(table, c)))}, x.sync_clocks
        from jsonb_populate_recordset(null::${ident(table)}, ${inserts}::jsonb) x
        returning ${visible}`;
      for (const row of rows) written.set(rowKey(table, String(row.id)), row);
    }
    if (updates.length > 0) {
      const assignments = join(
        [...columns.filter((c) => c !== "id" && c !== "organisation_id"), "sync_clocks"].map(
          (c) => fragment`${ident(c)} = x.${ident(c)}`,
        ),
      );
      const rows = await tx.sql<Row>`
        update ${ident(table)} t set ${assignments}
        from jsonb_populate_recordset(null::${ident(table)}, ${updates}::jsonb) x
        where t.id = x.id and t.organisation_id = ${org}
        returning ${visibleOf("t")}`;
      for (const row of rows) written.set(rowKey(table, String(row.id)), row);
    }
  }
  for (const table of [...syncedTableNames].reverse()) {
    const deletes = (byTable.get(table) ?? []).filter((s) => s.existedBefore && !s.row).map((s) => s.id);
    if (deletes.length > 0) {
      await tx.sql`delete from ${ident(table)} where organisation_id = ${org} and id = any(${deletes}::uuid[])`;
    }
  }
  return written;
}

/** Why the database refused one mutation, in words that say nothing about other tenants. */
function databaseRefusal(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (code === "23503") return "It refers to a record that does not exist.";
  if (code === "23514") return "A value is outside what this field allows.";
  if (code === "23505") return "It duplicates a record that already exists.";
  if (code === "22P02" || code === "22007" || code === "22008") return "A value has the wrong format.";
  return "This change could not be saved.";
}

async function recordOutcome(tx: Tx, input: PushInput, mutations: readonly syncApi.Mutation[], result: BatchResult) {
  const org = input.tenant.organisationId;
  const records = mutations.map((m, i) => {
    const ack = result.acks[i] as syncApi.Ack;
    return {
      mutation_id: m.id,
      client_id: input.clientId,
      user_id: input.tenant.userId,
      table_name: m.table,
      row_id: String(m.row.id),
      status: ack.status,
      reason: ack.reason ?? null,
      ack: {
        id: ack.id,
        status: ack.status,
        ...(ack.reason ? { reason: ack.reason } : {}),
        ...(ack.code ? { code: ack.code } : {}),
      },
    };
  });
  if (records.length > 0) {
    await tx.sql`
      insert into applied_mutations (organisation_id, mutation_id, client_id, user_id, table_name, row_id, status, reason, ack)
      select ${org}, x.mutation_id, x.client_id, x.user_id, x.table_name, x.row_id, x.status, x.reason, x.ack
      from jsonb_to_recordset(${records}::jsonb)
        as x(mutation_id uuid, client_id text, user_id uuid, table_name text, row_id uuid, status text, reason text, ack jsonb)
      on conflict (organisation_id, mutation_id) do nothing`;
  }
  if (result.conflicts.length > 0) {
    const conflicts = result.conflicts.map((c) => ({
      table_name: c.table,
      row_id: c.rowId,
      field: c.field,
      rule: c.rule,
      reason: c.reason,
      winning_value: c.winningValue ?? null,
      losing_value: c.losingValue ?? null,
      winning_user_id: c.winningUserId,
      losing_user_id: c.losingUserId,
      winning_hlc: c.winningHlc,
      losing_hlc: c.losingHlc,
      mutation_id: c.mutationId,
    }));
    await tx.sql`
      insert into sync_conflicts (organisation_id, table_name, row_id, field, rule, reason, winning_value, losing_value,
                                  winning_user_id, losing_user_id, winning_hlc, losing_hlc, mutation_id)
      select ${org}, x.table_name, x.row_id, x.field, x.rule, x.reason, x.winning_value, x.losing_value,
             x.winning_user_id, x.losing_user_id, x.winning_hlc, x.losing_hlc, x.mutation_id
      from jsonb_to_recordset(${conflicts}::jsonb)
        as x(table_name text, row_id uuid, field text, rule text, reason text, winning_value jsonb, losing_value jsonb,
             winning_user_id uuid, losing_user_id uuid, winning_hlc text, losing_hlc text, mutation_id uuid)`;
  }
}

const unknownTable = (m: syncApi.Mutation): syncApi.Ack => ({
  id: m.id,
  status: "rejected",
  code: "invalid",
  reason: `${m.table}: is not a table the app can change.`,
  row: null,
});

/**
 * Applies a device's batch exactly once: mutation ids already applied get their recorded acks and
 * change nothing; the rest are resolved by their tables' conflict rules and written in one
 * transaction, recorded with their acks, and the tenant's devices are poked after commit.
 */
export async function applyPush(db: Db, input: PushInput): Promise<syncApi.PushResponse> {
  const org = input.tenant.organisationId;
  return withTenant(db, input.tenant, async (tx) => {
    await lockTenant(tx, org);
    await assertWritable(tx, org, input.now);
    const ids = input.mutations.map((m) => m.id);
    const previous = await tx.sql<{ mutation_id: string; ack: syncApi.Ack; table_name: string; row_id: string }>`
      select mutation_id, ack, table_name, row_id from applied_mutations
      where organisation_id = ${org} and mutation_id = any(${ids}::uuid[])`;
    const known = new Map(previous.map((p) => [p.mutation_id, p]));

    const fresh: syncApi.Mutation[] = [];
    const seen = new Set<string>();
    const early = new Map<string, syncApi.Ack>();
    for (const m of input.mutations) {
      if (known.has(m.id) || seen.has(m.id)) continue;
      seen.add(m.id);
      if (!isTableName(m.table) || !syncedTableNames.includes(m.table)) early.set(m.id, unknownTable(m));
      else fresh.push(m);
    }

    let result: BatchResult;
    try {
      result = await tx.savepoint((sp) => applyBatch(sp, input, fresh));
    } catch {
      // One write the database refused: retry one by one so the others still land.
      const acks: syncApi.Ack[] = [];
      const conflicts: ConflictRecord[] = [];
      for (const m of fresh) {
        try {
          const single = await tx.savepoint((sp) => applyBatch(sp, input, [m]));
          acks.push(...single.acks);
          conflicts.push(...single.conflicts);
        } catch (error) {
          const reason = databaseRefusal(error);
          acks.push({ id: m.id, status: "rejected", reason, code: "database", row: null });
          conflicts.push({
            table: m.table as TableName,
            rowId: String(m.row.id),
            field: null,
            rule: "database",
            reason,
            winningValue: null,
            losingValue: m.row,
            winningUserId: null,
            losingUserId: input.tenant.userId,
            winningHlc: null,
            losingHlc: m.hlc,
            mutationId: m.id,
          });
        }
      }
      result = { acks, conflicts };
    }
    const earlyMutations = input.mutations.filter((m) => early.has(m.id) && !known.has(m.id));
    await recordOutcome(tx, input, [...fresh, ...earlyMutations], {
      acks: [...result.acks, ...earlyMutations.map((m) => early.get(m.id) as syncApi.Ack)],
      conflicts: result.conflicts,
    });

    // Resent mutations get their recorded ack, with the row as it stands now.
    const byId = new Map<string, syncApi.Ack>();
    for (const ack of result.acks) byId.set(ack.id, ack);
    for (const [id, ack] of early) byId.set(id, ack);
    for (const [id, p] of known) {
      const row = isTableName(p.table_name) ? await visibleRow(tx, input.tenant, p.table_name, p.row_id) : undefined;
      byId.set(id, { ...p.ack, row: row ?? null });
    }

    const [version] = await tx.sql<{
      version: number;
    }>`select version from sync_versions where organisation_id = ${org}`;
    const cursor = version?.version ?? 0;
    return {
      acks: input.mutations.map((m) => byId.get(m.id) as syncApi.Ack),
      cursor,
      hlc: formatHlc({ millis: input.now.getTime(), counter: 0, clientId: "server" }),
    };
  });
}
