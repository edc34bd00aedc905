/**
 * Tables that exist only on the server and are not described in shared-schema: secrets, sessions,
 * billing bookkeeping and the sync engine's own state. Every other table is described there; a test
 * fails when a migration adds a table that is in neither place.
 */
export const serverPrivateTables = [
  "schema_migrations",
  "sessions",
  "password_resets",
  "mfa_challenges",
  "user_totp",
  "unsubscribe_tokens",
  "checkout_sessions",
  "pending_logins",
  "invitations",
  "rate_limits",
  "resellers",
  "reseller_customers",
  "sync_versions",
  "change_log",
  "applied_mutations",
  "sync_conflicts",
  "yjs_updates",
  "stripe_events",
  "jobs",
  "file_blobs",
] as const;
