-- Sync: every write to a replicated table, whatever its path (device push, REST, admin screens,
-- the demo seed), lands in the change log with the tenant's next version. Statement-level
-- triggers with transition tables keep that set-based: one log insert per statement, not per row.

-- Per-field hybrid logical clocks of rows devices write ({"title": "<hlc>|<user id>", ...}), for
-- field-level last-writer-wins and to name who wrote the value that won.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['queues', 'tickets', 'ticket_templates', 'comments', 'attachments', 'inspections',
    'approvals', 'workflows', 'contacts', 'crm_events', 'products', 'customer_services', 'projects', 'tasks',
    'task_updates', 'timesheets', 'time_entries', 'notification_preferences']
  LOOP
    EXECUTE format('ALTER TABLE %I ADD COLUMN sync_clocks jsonb NOT NULL DEFAULT ''{}''', t);
  END LOOP;
END
$$;

-- Who a row belonged to before and after a change (for tables a staff member sees only when the row
-- names them), so a device learns when a row leaves or enters its scope.
ALTER TABLE change_log ADD COLUMN owner_before uuid;
ALTER TABLE change_log ADD COLUMN owner_after uuid;
-- The version at which the owner last changed. The log keeps one entry per row, so a device whose
-- cursor is older than this may have missed the row entering or leaving its scope.
ALTER TABLE change_log ADD COLUMN owner_changed_version bigint;
CREATE UNIQUE INDEX change_log_one_entry_per_row ON change_log(organisation_id, table_name, row_id);
DROP INDEX idx_change_log_row;

CREATE FUNCTION sync_log_changes() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  owner_column text := coalesce(TG_ARGV[0], '');
  source text;
  tenants uuid[];
BEGIN
  -- One row per changed record: its tenant, id, owners before and after, and newest field clock.
  source := CASE TG_OP
    WHEN 'INSERT' THEN format(
      'select n.organisation_id, n.id, null::uuid as owner_before, %s as owner_after, ''upsert''::text as op
       from new_rows n',
      CASE WHEN owner_column = '' THEN 'null::uuid' ELSE format('n.%I', owner_column) END)
    WHEN 'UPDATE' THEN format(
      'select n.organisation_id, n.id, %s as owner_before, %s as owner_after, ''upsert''::text as op
       from new_rows n join old_rows o on o.id = n.id',
      CASE WHEN owner_column = '' THEN 'null::uuid' ELSE format('o.%I', owner_column) END,
      CASE WHEN owner_column = '' THEN 'null::uuid' ELSE format('n.%I', owner_column) END)
    ELSE format(
      'select o.organisation_id, o.id, %s as owner_before, null::uuid as owner_after, ''delete''::text as op
       from old_rows o',
      CASE WHEN owner_column = '' THEN 'null::uuid' ELSE format('o.%I', owner_column) END)
  END;

  EXECUTE format($f$
    with changed as (%1$s),
    counts as (
      select organisation_id, count(*) as n from changed group by organisation_id
    ),
    bumped as (
      insert into sync_versions as v (organisation_id, version)
      select organisation_id, n from counts
      on conflict (organisation_id) do update set version = v.version + excluded.version
      returning v.organisation_id, v.version as last
    ),
    numbered as (
      select c.*, b.last - k.n + row_number() over (partition by c.organisation_id order by c.id) as version
      from changed c join counts k using (organisation_id) join bumped b using (organisation_id)
    )
    -- One entry per row: its latest change (a compacted log), tombstones included.
    insert into change_log as l (organisation_id, version, table_name, row_id, op, changed_by, owner_before, owner_after,
                                 owner_changed_version)
    select x.organisation_id, x.version, %2$L, x.id, x.op, nullif(current_setting('app.user_id', true), '')::uuid,
           x.owner_before, x.owner_after, x.version
    from numbered x
    on conflict (organisation_id, table_name, row_id) do update set
      version = excluded.version, op = excluded.op, changed_by = excluded.changed_by, changed_at = now(),
      owner_before = excluded.owner_before, owner_after = excluded.owner_after,
      owner_changed_version = case when excluded.op = 'delete' or excluded.owner_before is distinct from excluded.owner_after
                                   then excluded.version else l.owner_changed_version end
  $f$, source, TG_TABLE_NAME);

  -- Devices connected to any server instance are poked; NOTIFY is delivered on commit only.
  EXECUTE format('select array_agg(distinct organisation_id) from (%s) c', source) INTO tenants;
  PERFORM pg_notify('worktrackr_sync', json_build_object('o', v.organisation_id, 'v', v.version)::text)
  FROM sync_versions v WHERE v.organisation_id = ANY(tenants);
  RETURN NULL;
END;
$$;

-- Tables devices replicate, with the column that names the member a row belongs to (for staff scope).
DO $$
DECLARE
  spec text[];
BEGIN
  FOREACH spec SLICE 1 IN ARRAY ARRAY[
    ARRAY['organisations', ''], ARRAY['memberships', ''], ARRAY['org_branding', ''],
    ARRAY['contacts', ''], ARRAY['crm_events', 'assigned_user_id'], ARRAY['products', ''],
    ARRAY['queues', ''], ARRAY['tickets', 'assignee_id'], ARRAY['ticket_templates', ''],
    ARRAY['comments', ''], ARRAY['attachments', ''], ARRAY['inspections', ''], ARRAY['approvals', ''],
    ARRAY['projects', ''], ARRAY['tasks', 'assignee_id'], ARRAY['task_updates', ''],
    ARRAY['timesheets', 'user_id'], ARRAY['time_entries', 'user_id'],
    ARRAY['notifications', 'user_id'], ARRAY['notification_preferences', 'user_id']]
  LOOP
    IF spec[1] = 'organisations' THEN
      CONTINUE; -- the tenant row itself has no organisation_id; devices read it directly.
    END IF;
    EXECUTE format('CREATE TRIGGER sync_log_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION sync_log_changes(%L)', spec[1], spec[2]);
    EXECUTE format('CREATE TRIGGER sync_log_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION sync_log_changes(%L)', spec[1], spec[2]);
    EXECUTE format('CREATE TRIGGER sync_log_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION sync_log_changes(%L)', spec[1], spec[2]);
  END LOOP;
END
$$;
