import { useState } from "react";
import { NavLink } from "react-router";
import { useSession } from "../api/use-session.js";
import { NewTicketForm } from "../components/new-ticket-form.js";
import { useDataLayer } from "../hooks/use-data-layer.js";
import { useTickets } from "../hooks/use-tickets.js";

const statusLabels: Record<string, string> = {
  open: "Open",
  pending: "Pending",
  resolved: "Resolved",
  closed: "Closed",
};

/** The organisation's tickets from this device's replica: there with no signal, live as syncs land. */
export function TicketsScreen() {
  const session = useSession();
  const layer = useDataLayer();
  const tickets = useTickets();
  const [isFormOpen, setFormOpen] = useState(false);
  const isSignedOut = session.isSuccess && session.data === null;

  return (
    <section aria-labelledby="page-title">
      <div className="flex items-center gap-3">
        <h1 id="page-title" className="flex-1 text-2xl font-bold text-slate-900">
          Tickets
        </h1>
        {layer && !isFormOpen ? (
          <button
            type="button"
            onClick={() => setFormOpen(true)}
            className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-slate-900"
          >
            New ticket
          </button>
        ) : null}
      </div>
      {isFormOpen && layer ? <NewTicketForm engine={layer.engine} onDone={() => setFormOpen(false)} /> : null}
      {isSignedOut ? (
        <p className="mt-4 rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">
          <NavLink to="/login" className="font-semibold text-brand-700 underline">
            Sign in
          </NavLink>{" "}
          to see your organisation's tickets.
        </p>
      ) : !layer || !tickets.data ? (
        <p className="mt-4 text-slate-600">Opening your tickets on this device…</p>
      ) : tickets.data.length === 0 ? (
        <p className="mt-4 rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">
          No tickets yet. New ones you save here are kept on this device until they reach the server.
        </p>
      ) : (
        <ul aria-label="Tickets" className="mt-4 divide-y divide-slate-200 rounded-xl bg-white shadow-sm">
          {tickets.data.map((ticket) => (
            <li key={ticket.id} className="flex items-center gap-3 px-4 py-3">
              <span className="flex-1 font-medium text-slate-900">{ticket.title}</span>
              <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
                {statusLabels[ticket.status] ?? ticket.status}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
