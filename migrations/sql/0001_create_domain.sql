-- WorkTrackr domain, from the v2.0/v2.1 blueprints and the database-schema seed, plus field work,
-- sessions and the sync tables. Seed names, checks and indexes are kept; differences:
-- * gen_random_uuid() (core since PostgreSQL 13) instead of uuid-ossp, so PGlite needs no extension.
-- * Every tenant-owned table carries organisation_id itself (comments, attachments, inspections,
--   approvals gained it) with an index leading with it, and row-level security on it.

-- The role request work runs as. NOLOGIN and without BYPASSRLS: the server switches to it with
-- SET LOCAL ROLE inside each request's transaction. Roles are cluster-wide, so several databases
-- migrating at once on one server may race to create it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'worktrackr_app') THEN
    CREATE ROLE worktrackr_app NOLOGIN NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;

DO $$
BEGIN
  -- A non-superuser owner must be a member to SET ROLE to it.
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT worktrackr_app TO %I', current_user);
  END IF;
END
$$;

CREATE FUNCTION app_current_organisation() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.organisation_id', true), '')::uuid $$;

CREATE FUNCTION update_updated_at_column() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  NEW.updated_at = now();
  RETURN NEW;
END;
$$;

-- ---------------------------------------------------------------------------------------------
-- Tenancy and accounts
-- ---------------------------------------------------------------------------------------------

CREATE TABLE partners (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name varchar(255) NOT NULL,
  support_email varchar(255) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name varchar(255) NOT NULL,
  stripe_customer_id text,
  stripe_subscription_id text,
  plan_price_id text,
  current_period_end timestamptz,
  trial_start timestamptz,
  trial_end timestamptz,
  partner_id uuid REFERENCES partners(id),
  plan varchar(20) NOT NULL DEFAULT 'starter' CHECK (plan IN ('individual', 'starter', 'pro', 'enterprise')),
  included_seats integer NOT NULL DEFAULT 5,
  stripe_seat_item_id text,
  active_user_count integer NOT NULL DEFAULT 0,
  seat_overage_cached integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_organisations_partner_id ON organisations(partner_id);
CREATE INDEX idx_organisations_stripe_customer_id ON organisations(stripe_customer_id);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email varchar(255) UNIQUE NOT NULL,
  name varchar(255) NOT NULL,
  password_hash text NOT NULL,
  locale varchar(10) NOT NULL DEFAULT 'en-GB',
  status varchar(20) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  mfa_enabled boolean NOT NULL DEFAULT false,
  mfa_method varchar(20) NOT NULL DEFAULT 'email' CHECK (mfa_method IN ('email', 'totp')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Logins match email case-insensitively; the seed's UNIQUE(email) alone would allow A@x and a@x.
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));

CREATE TABLE memberships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role varchar(50) NOT NULL CHECK (role IN ('admin', 'manager', 'staff')),
  status varchar(20) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'pending', 'disabled')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, user_id)
);
CREATE INDEX idx_memberships_organisation_id ON memberships(organisation_id);
CREATE INDEX idx_memberships_user_id ON memberships(user_id);

CREATE TABLE partner_memberships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partner_id uuid NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role varchar(50) NOT NULL CHECK (role IN ('partner_admin')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (partner_id, user_id)
);
CREATE INDEX idx_partner_memberships_user_id ON partner_memberships(user_id);

CREATE TABLE org_branding (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  product_name varchar(255) NOT NULL,
  logo_url text,
  primary_color varchar(7) NOT NULL DEFAULT '#0ea5e9',
  accent_color varchar(7) NOT NULL DEFAULT '#22c55e',
  email_from_name varchar(255) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id)
);

CREATE TABLE org_domains (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  hostname varchar(255) NOT NULL UNIQUE,
  is_verified boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_org_domains_organisation_id ON org_domains(organisation_id);

CREATE TABLE organisation_addons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  price_id text NOT NULL,
  name varchar(255) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_organisation_addons_organisation_id ON organisation_addons(organisation_id);

-- Lucia's session design: the id is public, only the SHA-256 of the secret is stored. A session
-- belongs to a user; the organisation it acts in can change (partner admins switch), so it is not
-- tenant-owned and has no organisation_id.
CREATE TABLE sessions (
  id text PRIMARY KEY,
  secret_hash bytea NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  active_organisation_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_active_at timestamptz NOT NULL DEFAULT now(),
  user_agent text,
  ip_address text
);
CREATE INDEX idx_sessions_user_id ON sessions(user_id);

CREATE TABLE password_resets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash text NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_password_resets_token_hash ON password_resets(token_hash);
CREATE INDEX idx_password_resets_expires_at ON password_resets(expires_at);

CREATE TABLE mfa_challenges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  expires_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_mfa_challenges_user_id ON mfa_challenges(user_id);
CREATE INDEX idx_mfa_challenges_expires_at ON mfa_challenges(expires_at);

CREATE TABLE user_totp (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  secret text NOT NULL,
  backup_codes text[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id)
);

CREATE TABLE unsubscribe_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_unsubscribe_tokens_token_hash ON unsubscribe_tokens(token_hash);

CREATE TABLE checkout_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id text NOT NULL UNIQUE,
  user_email text NOT NULL,
  organisation_name text NOT NULL,
  price_id text NOT NULL,
  status varchar(50) NOT NULL DEFAULT 'pending',
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz
);

CREATE TABLE resellers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  commission_rate numeric NOT NULL DEFAULT 0.25,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE reseller_customers (
  reseller_id uuid NOT NULL REFERENCES resellers(id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (reseller_id, organisation_id)
);
CREATE INDEX idx_reseller_customers_organisation_id ON reseller_customers(organisation_id);

-- ---------------------------------------------------------------------------------------------
-- Contacts, CRM and catalogue
-- ---------------------------------------------------------------------------------------------

CREATE TABLE contacts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  name text NOT NULL,
  type text NOT NULL DEFAULT 'company' CHECK (type IN ('company', 'individual')),
  email text,
  phone text,
  address text,
  notes text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_contacts_organisation_id ON contacts(organisation_id, name);

CREATE TABLE crm_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  contact_id uuid REFERENCES contacts(id) ON DELETE SET NULL,
  title text NOT NULL,
  type text,
  start_at timestamptz NOT NULL,
  end_at timestamptz NOT NULL,
  assigned_user_id uuid REFERENCES users(id),
  status text NOT NULL DEFAULT 'Planned',
  notes text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_at >= start_at)
);
CREATE INDEX idx_crm_events_organisation_id ON crm_events(organisation_id, start_at);

CREATE TABLE products (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  name text NOT NULL,
  category text,
  our_cost numeric NOT NULL DEFAULT 0,
  client_price numeric NOT NULL DEFAULT 0,
  unit text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_products_organisation_id ON products(organisation_id);

CREATE TABLE customer_services (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  product_id uuid NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1,
  notes text,
  renewal_date date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_customer_services_organisation_id ON customer_services(organisation_id, contact_id);

-- ---------------------------------------------------------------------------------------------
-- Service desk
-- ---------------------------------------------------------------------------------------------

CREATE TABLE queues (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  name varchar(255) NOT NULL,
  is_default boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_queues_organisation_id ON queues(organisation_id);

CREATE TABLE tickets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  queue_id uuid REFERENCES queues(id) ON DELETE SET NULL,
  created_by uuid REFERENCES users(id),
  assignee_id uuid REFERENCES users(id),
  contact_id uuid REFERENCES contacts(id) ON DELETE SET NULL,
  title varchar(500) NOT NULL,
  description text,
  status varchar(50) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'closed', 'resolved')),
  priority varchar(50) NOT NULL DEFAULT 'medium' CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
  scheduled_date date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_tickets_organisation_id ON tickets(organisation_id);
CREATE INDEX idx_tickets_assignee_id ON tickets(assignee_id);
CREATE INDEX idx_tickets_status ON tickets(status);
CREATE INDEX idx_tickets_created_at ON tickets(created_at);
CREATE INDEX idx_tickets_organisation_assignee ON tickets(organisation_id, assignee_id);

CREATE TABLE ticket_templates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  name text NOT NULL,
  fields jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_ticket_templates_organisation_id ON ticket_templates(organisation_id);

CREATE TABLE comments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  author_id uuid NOT NULL REFERENCES users(id),
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_comments_ticket_id ON comments(ticket_id);
CREATE INDEX idx_comments_organisation_id ON comments(organisation_id, ticket_id);

CREATE TABLE inspections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  inspector_id uuid NOT NULL REFERENCES users(id),
  summary text,
  cause text,
  recommendation text,
  notes text,
  estimated_hours numeric(5,2),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_inspections_organisation_id ON inspections(organisation_id, ticket_id);

CREATE TABLE approvals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  requested_by uuid NOT NULL REFERENCES users(id),
  approver_id uuid REFERENCES users(id),
  decision varchar(50) NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'approved', 'rejected')),
  reason text,
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_approvals_organisation_id ON approvals(organisation_id, ticket_id);

CREATE TABLE workflows (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  name varchar(255) NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  definition jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_workflows_organisation_id ON workflows(organisation_id);

-- ---------------------------------------------------------------------------------------------
-- Field work: projects (jobs), tasks and their updates, timesheets and time entries
-- ---------------------------------------------------------------------------------------------

CREATE TABLE projects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  contact_id uuid REFERENCES contacts(id) ON DELETE SET NULL,
  name varchar(255) NOT NULL,
  description text,
  status varchar(20) NOT NULL DEFAULT 'active' CHECK (status IN ('planned', 'active', 'on_hold', 'completed', 'cancelled')),
  site_address text,
  start_date date,
  due_date date,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_projects_organisation_id ON projects(organisation_id, status);

CREATE TABLE attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  uploader_id uuid NOT NULL REFERENCES users(id),
  file_url text NOT NULL,
  filename varchar(255) NOT NULL,
  mime_type varchar(100),
  size_bytes integer CHECK (size_bytes >= 0),
  -- Photos are uploaded by content hash: the bytes live at /api/files/<content_sha256>.
  content_sha256 char(64) CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_attachments_ticket_id ON attachments(ticket_id);
CREATE INDEX idx_attachments_organisation_id ON attachments(organisation_id, content_sha256);

CREATE TABLE tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  project_id uuid REFERENCES projects(id) ON DELETE CASCADE,
  ticket_id uuid REFERENCES tickets(id) ON DELETE CASCADE,
  title varchar(500) NOT NULL,
  description text,
  status varchar(20) NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'in_progress', 'blocked', 'done')),
  assignee_id uuid REFERENCES users(id),
  due_date date,
  position integer NOT NULL DEFAULT 0,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (project_id IS NOT NULL OR ticket_id IS NOT NULL)
);
CREATE INDEX idx_tasks_organisation_id ON tasks(organisation_id, assignee_id);
CREATE INDEX idx_tasks_project_id ON tasks(project_id);

CREATE TABLE task_updates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  author_id uuid NOT NULL REFERENCES users(id),
  status varchar(20) CHECK (status IN ('todo', 'in_progress', 'blocked', 'done')),
  note text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_task_updates_organisation_id ON task_updates(organisation_id, task_id);

CREATE TABLE timesheets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id),
  week_start date NOT NULL,
  status varchar(20) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'rejected')),
  submitted_at timestamptz,
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  decision_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, user_id, week_start)
);

CREATE TABLE time_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id),
  project_id uuid REFERENCES projects(id) ON DELETE SET NULL,
  ticket_id uuid REFERENCES tickets(id) ON DELETE SET NULL,
  task_id uuid REFERENCES tasks(id) ON DELETE SET NULL,
  timesheet_id uuid REFERENCES timesheets(id) ON DELETE SET NULL,
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  -- Derived from the two instants so a device's arithmetic can never disagree with them.
  duration_seconds integer GENERATED ALWAYS AS (
    CASE WHEN ended_at IS NULL THEN NULL ELSE extract(epoch FROM (ended_at - started_at))::integer END
  ) STORED,
  billable boolean NOT NULL DEFAULT true,
  notes text,
  approval_status varchar(20) NOT NULL DEFAULT 'draft' CHECK (approval_status IN ('draft', 'submitted', 'approved', 'rejected')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE INDEX idx_time_entries_organisation_id ON time_entries(organisation_id, user_id, started_at);
CREATE INDEX idx_time_entries_ticket_id ON time_entries(ticket_id);

-- ---------------------------------------------------------------------------------------------
-- Notifications
-- ---------------------------------------------------------------------------------------------

CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  ticket_id uuid REFERENCES tickets(id) ON DELETE CASCADE,
  type varchar(100) NOT NULL,
  payload jsonb,
  status varchar(50) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  read_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_notifications_user_id ON notifications(user_id);
CREATE INDEX idx_notifications_organisation_id ON notifications(organisation_id, user_id);

CREATE TABLE notification_preferences (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  notification_type varchar(100) NOT NULL,
  email_enabled boolean NOT NULL DEFAULT true,
  in_app_enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, organisation_id, notification_type)
);
CREATE INDEX idx_notification_preferences_organisation_id ON notification_preferences(organisation_id, user_id);

-- ---------------------------------------------------------------------------------------------
-- Sync: a per-tenant version, the change log pulls read, mutation ids applied (with their acks,
-- so a resent batch gets the same answer) and the conflicts rules resolved.
-- ---------------------------------------------------------------------------------------------

CREATE TABLE sync_versions (
  organisation_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
  version bigint NOT NULL DEFAULT 0
);

CREATE TABLE change_log (
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  version bigint NOT NULL,
  table_name text NOT NULL,
  row_id uuid NOT NULL,
  op text NOT NULL CHECK (op IN ('upsert', 'delete')),
  changed_by uuid REFERENCES users(id) ON DELETE SET NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, version)
);
CREATE INDEX idx_change_log_row ON change_log(organisation_id, table_name, row_id);

CREATE TABLE applied_mutations (
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  mutation_id uuid NOT NULL,
  client_id text NOT NULL,
  user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  table_name text NOT NULL,
  row_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('applied', 'merged', 'rejected')),
  reason text,
  ack jsonb NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, mutation_id)
);
CREATE INDEX idx_applied_mutations_user ON applied_mutations(organisation_id, user_id, applied_at);

CREATE TABLE sync_conflicts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  table_name text NOT NULL,
  row_id uuid NOT NULL,
  field text,
  rule text NOT NULL,
  reason text NOT NULL,
  winning_value jsonb,
  losing_value jsonb,
  winning_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  losing_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  winning_hlc text,
  losing_hlc text,
  mutation_id uuid,
  seen_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_sync_conflicts_organisation_id ON sync_conflicts(organisation_id, created_at);

-- ---------------------------------------------------------------------------------------------
-- updated_at triggers
-- ---------------------------------------------------------------------------------------------

DO $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables tb ON tb.table_name = c.table_name AND tb.table_schema = c.table_schema
    WHERE c.table_schema = 'public' AND c.column_name = 'updated_at' AND tb.table_type = 'BASE TABLE'
  LOOP
    EXECUTE format(
      'CREATE TRIGGER update_%1$s_updated_at BEFORE UPDATE ON %1$I FOR EACH ROW EXECUTE FUNCTION update_updated_at_column()',
      t
    );
  END LOOP;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Row-level security: every table carrying organisation_id is visible and writable only inside
-- its tenant, for the table owner too (FORCE). Organisations are scoped by their own id.
-- ---------------------------------------------------------------------------------------------

DO $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables tb ON tb.table_name = c.table_name AND tb.table_schema = c.table_schema
    WHERE c.table_schema = 'public' AND c.column_name = 'organisation_id' AND tb.table_type = 'BASE TABLE'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (organisation_id = app_current_organisation()) '
      'WITH CHECK (organisation_id = app_current_organisation())',
      t
    );
  END LOOP;
END
$$;

ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organisations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON organisations
  USING (id = app_current_organisation())
  WITH CHECK (id = app_current_organisation());

GRANT USAGE ON SCHEMA public TO worktrackr_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO worktrackr_app;
GRANT EXECUTE ON FUNCTION app_current_organisation() TO worktrackr_app;

-- Secrets and bookkeeping are read by the server's system connection only, never by request work.
REVOKE ALL ON sessions, password_resets, mfa_challenges, user_totp, unsubscribe_tokens,
  checkout_sessions, schema_migrations FROM worktrackr_app;
