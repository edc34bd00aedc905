-- Billing: the subscription's state as Stripe last told it (and when, so a late event cannot undo a
-- newer one), seats bought beyond the plan's, sign-ups waiting for Checkout, the Stripe events
-- already handled, and a job queue so the webhook answers at once and slow work runs after.

ALTER TABLE organisations ADD COLUMN subscription_status varchar(20) NOT NULL DEFAULT 'none'
  CHECK (subscription_status IN ('none', 'trialing', 'active', 'past_due', 'canceled', 'incomplete', 'unpaid'));
ALTER TABLE organisations ADD COLUMN subscription_status_at timestamptz;
ALTER TABLE organisations ADD COLUMN extra_seats integer NOT NULL DEFAULT 0 CHECK (extra_seats >= 0);

-- A Checkout sign-up keeps what is needed to create the account once payment completes.
ALTER TABLE checkout_sessions ADD COLUMN user_name varchar(255);
ALTER TABLE checkout_sessions ADD COLUMN password_hash text;
ALTER TABLE checkout_sessions ADD COLUMN plan varchar(20) CHECK (plan IN ('individual', 'starter', 'pro', 'enterprise'));
-- Named apart from organisation_id: a checkout exists before its organisation and is not tenant-owned.
ALTER TABLE checkout_sessions ADD COLUMN created_organisation_id uuid REFERENCES organisations(id) ON DELETE SET NULL;

CREATE TABLE stripe_events (
  id text PRIMARY KEY,
  type text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb NOT NULL,
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 8,
  locked_until timestamptz,
  last_error text,
  done_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_jobs_due ON jobs(run_at) WHERE done_at IS NULL;

REVOKE ALL ON stripe_events, jobs FROM worktrackr_app;
