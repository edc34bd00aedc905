import type { Role } from "@worktrackr/shared-schema";
import type { Db, Tx } from "../db/db.js";

/** Who a piece of request work runs for. */
export interface TenantContext {
  readonly organisationId: string;
  readonly userId: string | null;
  readonly role: Role;
}

/** The role without BYPASSRLS that request work runs as (created by the first migration). */
export const appRole = "worktrackr_app";

/**
 * Runs fn in a transaction scoped to one tenant: the settings the row-level security policies read
 * are set for this transaction only, and the role is switched to one the policies bind. The
 * application's own queries still filter by organisation_id: two walls, not one.
 */
export function withTenant<T>(db: Db, context: TenantContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.begin(async (tx) => {
    await tx.sql`
      select set_config('app.organisation_id', ${context.organisationId}, true),
             set_config('app.user_id', ${context.userId ?? ""}, true),
             set_config('app.role', ${context.role}, true)`;
    await tx.exec(`set local role ${appRole}`);
    return fn(tx);
  });
}
