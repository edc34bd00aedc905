import { Link } from "react-router";
import { formatDay } from "../../components/format-day.js";
import { dueState } from "../../data/field-work/due-date.js";
import type { MyTicket } from "../../data/field-work/my-work-queries.js";
import { useMyTickets } from "./use-my-work.js";

const statusLabels: Record<string, string> = { open: "Open", pending: "Pending" };
const priorityStyles: Record<string, string> = {
  urgent: "bg-red-100 text-red-800",
  high: "bg-amber-100 text-amber-900",
  medium: "bg-slate-100 text-slate-700",
  low: "bg-slate-100 text-slate-600",
};

function ScheduledBadge({ ticket, today }: { ticket: MyTicket; today: string }) {
  const state = dueState(ticket.scheduled_date, today);
  if (state === "none" || !ticket.scheduled_date) return null;
  const text =
    state === "today"
      ? "Today"
      : state === "overdue"
        ? `Overdue · ${formatDay(ticket.scheduled_date)}`
        : formatDay(ticket.scheduled_date);
  const style =
    state === "overdue"
      ? "bg-red-100 text-red-800"
      : state === "today"
        ? "bg-brand-50 text-brand-700 ring-1 ring-brand-500/30"
        : "bg-slate-100 text-slate-700";
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${style}`}>{text}</span>;
}

/** Open and pending tickets assigned to the user, today's and overdue first; each opens its page. */
export function MyTicketsSection({ today }: { today: string }) {
  const tickets = useMyTickets();
  return (
    <section aria-labelledby="my-tickets-title">
      <h2 id="my-tickets-title" className="text-lg font-semibold text-slate-900">
        Tickets
      </h2>
      {!tickets.data ? (
        <p className="mt-2 text-slate-600">Opening your tickets on this device…</p>
      ) : tickets.data.length === 0 ? (
        <p className="mt-2 rounded-xl border border-dashed border-slate-300 bg-white p-4 text-slate-600">
          No open tickets assigned to you. New ones from the office show up here when your phone syncs; you can also log
          one yourself under{" "}
          <Link to="/tickets" className="font-semibold text-brand-700 underline">
            Tickets
          </Link>
          .
        </p>
      ) : (
        <ul aria-label="My tickets" className="mt-2 divide-y divide-slate-200 rounded-xl bg-white shadow-sm">
          {tickets.data.map((ticket) => (
            <li key={ticket.id}>
              <Link
                to={`/tickets/${ticket.id}`}
                className="flex flex-wrap items-center gap-2 px-4 py-3 hover:bg-slate-50 focus-visible:bg-slate-50"
              >
                <span className="min-w-0 flex-1 basis-48 font-medium text-slate-900">{ticket.title}</span>
                <span className="flex flex-wrap items-center gap-1.5">
                  <ScheduledBadge ticket={ticket} today={today} />
                  <span
                    className={`rounded-full px-2 py-0.5 text-xs font-medium capitalize ${priorityStyles[ticket.priority] ?? priorityStyles.medium}`}
                  >
                    {ticket.priority}
                  </span>
                  <span className="rounded-full border border-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700">
                    {statusLabels[ticket.status] ?? ticket.status}
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
