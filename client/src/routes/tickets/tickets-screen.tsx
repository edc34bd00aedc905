import { useState } from "react";
import { NavLink } from "react-router";
import { useSession } from "../../api/use-session.js";
import { primaryButtonClass } from "../../components/form/form-styles.js";
import { NewTicketForm } from "../../components/new-ticket-form.js";
import { ticketListLimit } from "../../data/tickets/ticket-list.js";
import { useDataLayer } from "../../hooks/use-data-layer.js";
import { usePendingRowIds } from "../../hooks/use-pending-row-ids.js";
import { useTicketFilters } from "../../hooks/use-ticket-filters.js";
import { useTicketList } from "../../hooks/use-ticket-list.js";
import { TicketFilterBar } from "./ticket-filter-bar.js";
import { TicketList } from "./ticket-list.js";

const noneWaiting: ReadonlySet<string> = new Set();
const notice = "mt-4 rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600";

/** The organisation's tickets from this device's replica: there with no signal, live as syncs land. */
export function TicketsScreen() {
  const session = useSession();
  const layer = useDataLayer();
  const [filters, setFilters] = useTicketFilters();
  const tickets = useTicketList(filters);
  const pending = usePendingRowIds("tickets");
  const [isFormOpen, setFormOpen] = useState(false);
  const isSignedOut = session.isSuccess && session.data === null;
  const isFiltered = Object.keys(filters).length > 0;

  return (
    <section aria-labelledby="page-title">
      <div className="flex items-center gap-3">
        <h1 id="page-title" className="flex-1 text-2xl font-bold text-slate-900">
          Tickets
        </h1>
        {layer && !isFormOpen ? (
          <button type="button" onClick={() => setFormOpen(true)} className={primaryButtonClass}>
            New ticket
          </button>
        ) : null}
      </div>
      {isFormOpen && layer ? <NewTicketForm engine={layer.engine} onDone={() => setFormOpen(false)} /> : null}
      {isSignedOut ? (
        <p className={notice}>
          <NavLink to="/login" className="font-semibold text-brand-700 underline">
            Sign in
          </NavLink>{" "}
          to see your organisation's tickets.
        </p>
      ) : (
        <>
          {layer ? <TicketFilterBar filters={filters} onChange={setFilters} /> : null}
          {!layer || !tickets.data ? (
            <p className="mt-4 text-slate-600">Opening your tickets on this device…</p>
          ) : tickets.data.length === 0 ? (
            <p className={notice}>
              {isFiltered
                ? "No tickets match these filters."
                : "No tickets yet. New ones you save here are kept on this device until they reach the server."}
            </p>
          ) : (
            <>
              <TicketList tickets={tickets.data} pendingIds={pending.data ?? noneWaiting} />
              {tickets.data.length === ticketListLimit ? (
                <p className="mt-2 text-sm text-slate-600">
                  Showing the newest {ticketListLimit}. Filter or search to find older tickets.
                </p>
              ) : null}
            </>
          )}
        </>
      )}
    </section>
  );
}
