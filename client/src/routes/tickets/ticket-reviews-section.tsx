import { can, type Role } from "@worktrackr/shared-schema";
import { useState } from "react";
import { type ApprovalDecision, decideApproval, requestApproval } from "../../data/tickets/ticket-reviews.js";
import { useDataLayer } from "../../hooks/use-data-layer.js";
import { useTicketApprovals } from "../../hooks/use-ticket-approvals.js";
import { useTicketInspections } from "../../hooks/use-ticket-inspections.js";
import { formatWhen } from "./format-when.js";
import { badgeClass } from "./ticket-labels.js";

const decisionBadge: Record<string, string> = {
  pending: "bg-amber-50 text-amber-800 ring-amber-600/20",
  approved: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  rejected: "bg-red-50 text-red-800 ring-red-600/20",
};
const decisionLabels: Record<string, string> = { pending: "Waiting", approved: "Approved", rejected: "Rejected" };
const smallButton = "rounded-lg px-3 py-1.5 text-sm font-semibold";

/** Inspections of the ticket, and its approvals: managers and admins decide pending ones here. */
export function TicketReviewsSection({ ticketId, role }: { ticketId: string; role: Role }) {
  const layer = useDataLayer();
  const inspections = useTicketInspections(ticketId);
  const approvals = useTicketApprovals(ticketId);
  const [error, setError] = useState<string | null>(null);
  const canDecide = can(role, "timesheets.approve");

  const act = async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
    } catch (failure) {
      console.error("an approval could not be saved", failure);
      setError("The approval could not be saved on this device.");
    }
  };
  const decide = (id: string, decision: ApprovalDecision) =>
    layer ? void act(() => decideApproval(layer, id, decision)) : undefined;

  return (
    <section aria-labelledby="reviews-title" className="rounded-xl bg-white p-4 shadow-sm sm:p-6">
      <h2 id="reviews-title" className="text-lg font-semibold text-slate-900">
        Inspection and approval
      </h2>
      {inspections.data && inspections.data.length > 0 ? (
        <ul aria-label="Inspections" className="mt-3 space-y-3">
          {inspections.data.map((i) => (
            <li key={i.id} className="rounded-lg bg-slate-50 p-3 text-sm">
              <p className="text-xs text-slate-500">
                {i.inspector_name ?? "Inspector"}
                {i.created_at ? ` · ${formatWhen(i.created_at)}` : null}
                {i.estimated_hours !== null ? ` · about ${i.estimated_hours} h` : null}
              </p>
              {i.summary ? <p className="mt-1 text-slate-900">{i.summary}</p> : null}
              {i.cause ? <p className="mt-1 text-slate-700">Cause: {i.cause}</p> : null}
              {i.recommendation ? <p className="mt-1 text-slate-700">Recommendation: {i.recommendation}</p> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-slate-600">No inspection yet.</p>
      )}
      {approvals.data && approvals.data.length > 0 ? (
        <ul aria-label="Approvals" className="mt-3 space-y-2">
          {approvals.data.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-2 text-sm">
              <span className={`${badgeClass} ${decisionBadge[a.decision] ?? ""}`}>
                {decisionLabels[a.decision] ?? a.decision}
              </span>
              <span className="text-slate-700">
                {a.reason ?? "Approval requested"}
                {a.requested_by_name ? ` (asked by ${a.requested_by_name})` : null}
                {a.approver_name && a.decision !== "pending" ? `, decided by ${a.approver_name}` : null}
              </span>
              {canDecide && a.decision === "pending" ? (
                <span className="ml-auto flex gap-2">
                  <button
                    type="button"
                    onClick={() => decide(a.id, "approved")}
                    className={`${smallButton} bg-emerald-700 text-white hover:bg-emerald-900`}
                  >
                    Approve
                  </button>
                  <button
                    type="button"
                    onClick={() => decide(a.id, "rejected")}
                    className={`${smallButton} border border-slate-300 text-slate-800 hover:bg-slate-100`}
                  >
                    Reject
                  </button>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {layer && !approvals.data?.some((a) => a.decision === "pending") ? (
        <button
          type="button"
          onClick={() => void act(() => requestApproval(layer, ticketId, ""))}
          className={`${smallButton} mt-3 border border-slate-300 text-slate-800 hover:bg-slate-100`}
        >
          Request approval
        </button>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </section>
  );
}
