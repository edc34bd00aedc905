import type { Db } from "../db/db.js";
import { type Branding, defaultBranding } from "../email/templates.js";

/** The branding of an organisation, or of the user's first organisation, for their emails. */
export async function brandingFor(db: Db, where: { organisationId?: string; userId?: string }): Promise<Branding> {
  const [row] = await db.sql<{ product_name: string; primary_color: string }>`
    select b.product_name, b.primary_color from org_branding b
    where b.organisation_id = coalesce(${where.organisationId ?? null}::uuid,
      (select organisation_id from memberships where user_id = ${where.userId ?? null}::uuid order by created_at limit 1))`;
  return row ? { productName: row.product_name, primaryColor: row.primary_color } : defaultBranding;
}
