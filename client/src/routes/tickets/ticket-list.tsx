import { Link } from "react-router";
import type { TicketListRow } from "../../data/tickets/ticket-list.js";
import { badgeClass, priorityBadge, priorityLabels, statusBadge, statusLabels } from "./ticket-labels.js";

/** The tickets as links to their pages; rows with unsent changes say so. */
export function TicketList({
  tickets,
  pendingIds,
}: {
  tickets: readonly TicketListRow[];
  pendingIds: ReadonlySet<string>;
}) {
  return (
    <ul aria-label="Tickets" className="mt-4 divide-y divide-slate-200 overflow-hidden rounded-xl bg-white shadow-sm">
      {tickets.map((ticket) => (
        <li key={ticket.id}>
          <Link
            to={`/tickets/${ticket.id}`}
            className="flex flex-col gap-1.5 px-4 py-3 hover:bg-slate-50 sm:flex-row sm:items-center sm:gap-3"
          >
            <span className="min-w-0 flex-1 sm:truncate">
              <span className="font-medium text-slate-900">{ticket.title}</span>
              {pendingIds.has(ticket.id) ? (
                <span className={`${badgeClass} ml-2 bg-amber-100 text-amber-900 ring-amber-600/30`}>
                  Waiting to sync
                </span>
              ) : null}
            </span>
            <span className="flex flex-wrap items-center gap-1.5 text-sm text-slate-600 sm:flex-nowrap">
              <span className="sm:w-20">
                <span className={`${badgeClass} ${statusBadge[ticket.status] ?? ""}`}>
                  {statusLabels[ticket.status] ?? ticket.status}
                </span>
              </span>
              <span className="sm:w-16">
                <span className={`${badgeClass} ${priorityBadge[ticket.priority] ?? ""}`}>
                  {priorityLabels[ticket.priority] ?? ticket.priority}
                </span>
              </span>
              <span className="whitespace-nowrap sm:w-28 sm:truncate">
                {ticket.assignee_name ?? (ticket.assignee_id ? "Assigned" : "Unassigned")}
              </span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
