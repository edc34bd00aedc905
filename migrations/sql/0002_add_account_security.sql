-- Accounts: 2FA lockout and replay protection, pending logins awaiting a second factor,
-- invitations, and rate limits that hold across server instances.

ALTER TABLE users ADD COLUMN mfa_failed_attempts integer NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN mfa_locked_until timestamptz;

-- The TOTP key is stored encrypted (AES-256-GCM with the server's key); enabled_at is set by the
-- first correct code, and the last accepted time step makes every code single-use.
ALTER TABLE user_totp ADD COLUMN enabled_at timestamptz;
ALTER TABLE user_totp ADD COLUMN last_used_step bigint;

-- A password was right but a second factor is still owed: no session exists yet.
CREATE TABLE pending_logins (
  id text PRIMARY KEY,
  secret_hash bytea NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip_address text,
  user_agent text
);
CREATE INDEX idx_pending_logins_user_id ON pending_logins(user_id);

CREATE TABLE invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  email varchar(255) NOT NULL,
  role varchar(50) NOT NULL CHECK (role IN ('admin', 'manager', 'staff')),
  token_hash text NOT NULL,
  invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_invitations_organisation_id ON invitations(organisation_id, email);
CREATE INDEX idx_invitations_token_hash ON invitations(token_hash);
ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invitations
  USING (organisation_id = app_current_organisation())
  WITH CHECK (organisation_id = app_current_organisation());
GRANT SELECT, INSERT, UPDATE, DELETE ON invitations TO worktrackr_app;

-- Fixed-window counters keyed by what is limited ("login:ip:203.0.113.9", "login:account:…").
CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  window_started_at timestamptz NOT NULL,
  hits integer NOT NULL
);
CREATE INDEX idx_rate_limits_window ON rate_limits(window_started_at);
