import { type Role, tables, ticketStatusTransitions } from "@worktrackr/shared-schema";
import { firstIssue } from "../../api/form-errors.js";
import type { DataLayer } from "../data-layer.js";

/** The ticket fields its page edits as plain values (the description is Yjs text). */
export type TicketField = "title" | "status" | "priority" | "assignee_id" | "queue_id";

const fieldLabels: Record<TicketField, string> = {
  title: "Title",
  status: "Status",
  priority: "Priority",
  assignee_id: "Assignee",
  queue_id: "Queue",
};

export class TicketPatchError extends Error {}

/**
 * Writes one field as a patch, so a concurrent change to another field elsewhere is kept. Checked
 * with the server's patch rules first: a refusal names the field while it can still be fixed.
 */
export async function patchTicket(
  layer: DataLayer,
  id: string,
  field: TicketField,
  value: string | null,
): Promise<void> {
  const parsed = tables.tickets.patch.safeParse({ id, [field]: value });
  if (!parsed.success) {
    throw new TicketPatchError(firstIssue(parsed.error.issues, fieldLabels, fieldLabels[field]).message);
  }
  await layer.engine.write("tickets", "upsert", { ...parsed.data, id });
}

/** The statuses a role may pick for a ticket: where it is now, then the moves permissions allow. */
export function statusChoices(role: Role, current: string): string[] {
  return [current, ...(ticketStatusTransitions[role][current] ?? [])];
}
