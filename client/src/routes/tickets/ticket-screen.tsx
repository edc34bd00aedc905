import { Link, useParams } from "react-router";
import { TicketPhotos } from "../../components/photos/ticket-photos.js";
import { useDataLayer } from "../../hooks/use-data-layer.js";
import { usePendingRowIds } from "../../hooks/use-pending-row-ids.js";
import { useRole } from "../../hooks/use-role.js";
import { useTicket } from "../../hooks/use-ticket.js";
import { TicketComments } from "./ticket-comments.js";
import { TicketDescription } from "./ticket-description.js";
import { TicketFields } from "./ticket-fields.js";
import { badgeClass } from "./ticket-labels.js";
import { TicketReviewsSection } from "./ticket-reviews-section.js";
import { TicketTasksSection } from "./ticket-tasks-section.js";
import { TicketTimeSection } from "./ticket-time-section.js";

const backLink = "text-sm font-semibold text-brand-700 underline";

/** One ticket from the replica: its fields, description, conversation, time, reviews and tasks. */
export function TicketScreen() {
  const { id = "" } = useParams();
  const layer = useDataLayer();
  const ticket = useTicket(id);
  const role = useRole();
  const pending = usePendingRowIds("tickets");

  if (!layer || ticket.isPending || !role) return <p className="text-slate-600">Opening the ticket on this device…</p>;
  if (!ticket.data) {
    return (
      <section aria-labelledby="page-title">
        <h1 id="page-title" className="text-2xl font-bold text-slate-900">
          Ticket not found
        </h1>
        <p className="mt-2 text-slate-600">
          This device has no such ticket: it may not be assigned to you, or it has not synced yet.
        </p>
        <Link to="/tickets" className={`${backLink} mt-4 inline-block`}>
          All tickets
        </Link>
      </section>
    );
  }

  const data = ticket.data;
  return (
    <article aria-labelledby="page-title" className="space-y-4">
      <Link to="/tickets" className={backLink}>
        ← All tickets
      </Link>
      <div className="flex flex-wrap items-center gap-2">
        <h1 id="page-title" className="min-w-0 flex-1 break-words text-2xl font-bold text-slate-900">
          {data.title}
        </h1>
        {pending.data?.has(data.id) ? (
          <span className={`${badgeClass} bg-amber-100 text-amber-900 ring-amber-600/30`}>Waiting to sync</span>
        ) : null}
      </div>
      <section aria-label="Details" className="space-y-4 rounded-xl bg-white p-4 shadow-sm sm:p-6">
        <TicketFields ticket={data} role={role} />
        <TicketDescription ticketId={data.id} storedText={data.description} />
      </section>
      <TicketPhotos ticketId={data.id} />
      <div className="grid gap-4 lg:grid-cols-2">
        <TicketTimeSection ticketId={data.id} />
        <TicketReviewsSection ticketId={data.id} role={role} />
      </div>
      <TicketTasksSection ticketId={data.id} />
      <TicketComments ticketId={data.id} />
    </article>
  );
}
