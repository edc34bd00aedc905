import { tables } from "@worktrackr/shared-schema";
import type { DataLayer } from "../data-layer.js";
import type { PgliteReplica } from "../replica.js";

export interface TicketInspection {
  readonly id: string;
  readonly inspector_name: string | null;
  readonly summary: string | null;
  readonly cause: string | null;
  readonly recommendation: string | null;
  readonly estimated_hours: string | number | null;
  readonly created_at: string | null;
}

export interface TicketApproval {
  readonly id: string;
  readonly decision: "pending" | "approved" | "rejected";
  readonly reason: string | null;
  readonly requested_by_name: string | null;
  readonly approver_name: string | null;
  readonly decided_at: string | null;
  readonly created_at: string | null;
}

export type ApprovalDecision = "approved" | "rejected";

/** Inspections of a ticket, newest first. */
export function listInspections(replica: PgliteReplica, ticketId: string): Promise<TicketInspection[]> {
  return replica.query<TicketInspection>(
    `select i.id, u.name as inspector_name, i.summary, i.cause, i.recommendation, i.estimated_hours, i.created_at
       from inspections i
       left join users u on u.id = i.inspector_id
      where i.ticket_id = $1
      order by i.created_at desc nulls first, i.id`,
    [ticketId],
  );
}

/** Approval requests on a ticket, newest first. */
export function listApprovals(replica: PgliteReplica, ticketId: string): Promise<TicketApproval[]> {
  return replica.query<TicketApproval>(
    `select a.id, a.decision, a.reason, r.name as requested_by_name, d.name as approver_name, a.decided_at, a.created_at
       from approvals a
       left join users r on r.id = a.requested_by
       left join users d on d.id = a.approver_id
      where a.ticket_id = $1
      order by a.created_at desc nulls first, a.id`,
    [ticketId],
  );
}

/** A manager's decision on a pending approval; the server keeps the first decision if two race. */
export async function decideApproval(layer: DataLayer, approvalId: string, decision: ApprovalDecision): Promise<void> {
  const patch = tables.approvals.patch.parse({ id: approvalId, decision });
  await layer.engine.write("approvals", "upsert", { ...patch, id: approvalId });
}

/** Asks for a decision on the ticket (a quote, extra work): anyone may ask, managers decide. */
export async function requestApproval(layer: DataLayer, ticketId: string, reason: string): Promise<void> {
  const id = crypto.randomUUID();
  const row = tables.approvals.insert.parse({ id, ticket_id: ticketId, ...(reason ? { reason } : {}) });
  await layer.engine.write("approvals", "upsert", { ...row, id });
}
