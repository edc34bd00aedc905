import { can, type Role, ticketPriorities } from "@worktrackr/shared-schema";
import { type FormEvent, useEffect, useState } from "react";
import { inputClass, labelClass } from "../../components/form/form-styles.js";
import type { TicketDetail } from "../../data/tickets/ticket-detail.js";
import { patchTicket, statusChoices, type TicketField, TicketPatchError } from "../../data/tickets/ticket-patch.js";
import { useDataLayer } from "../../hooks/use-data-layer.js";
import { useMembers } from "../../hooks/use-members.js";
import { useQueues } from "../../hooks/use-queues.js";
import { type Choice, ChoiceField } from "./choice-field.js";
import { priorityLabels, statusLabels } from "./ticket-labels.js";

/** Title, status, priority, assignee and queue: each change is saved at once as a one-field patch. */
export function TicketFields({ ticket, role }: { ticket: TicketDetail; role: Role }) {
  const layer = useDataLayer();
  const members = useMembers();
  const queues = useQueues();
  const [title, setTitle] = useState(ticket.title);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setTitle(ticket.title), [ticket.title]);

  if (!layer) return null;
  const save = async (field: TicketField, value: string | null) => {
    setError(null);
    try {
      await patchTicket(layer, ticket.id, field, value);
    } catch (failure) {
      if (failure instanceof TicketPatchError) return setError(failure.message);
      console.error("a ticket change could not be saved", failure);
      setError("The change could not be saved on this device.");
    }
  };
  const onTitleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (title !== ticket.title) void save("title", title);
  };
  const canAssign = can(role, "tickets.assign");
  const isTitleChanged = title !== ticket.title;

  return (
    <div className="space-y-4">
      <form onSubmit={onTitleSubmit} aria-label="Ticket title" className="flex items-end gap-2">
        <label className={`${labelClass} flex-1`}>
          Title
          <input
            value={title}
            maxLength={500}
            onChange={(e) => setTitle(e.target.value)}
            onBlur={onTitleSubmit}
            className={inputClass}
          />
        </label>
        {isTitleChanged ? (
          <button
            type="submit"
            className="rounded-lg bg-brand-700 px-3 py-2 font-semibold text-white hover:bg-slate-900"
          >
            Save title
          </button>
        ) : null}
      </form>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <ChoiceField
          label="Status"
          value={ticket.status}
          choices={statusChoices(role, ticket.status).map((s) => [s, statusLabels[s] ?? s])}
          onChange={(value) => void save("status", value)}
        />
        <ChoiceField
          label="Priority"
          value={ticket.priority}
          choices={ticketPriorities.map((p) => [p, priorityLabels[p] ?? p])}
          onChange={(value) => void save("priority", value)}
        />
        <ChoiceField
          label="Assignee"
          value={ticket.assignee_id ?? ""}
          choices={[["", "Unassigned"], ...(members.data ?? []).map((m): Choice => [m.id, m.name])]}
          isDisabled={!canAssign}
          onChange={(value) => void save("assignee_id", value || null)}
        />
        <ChoiceField
          label="Queue"
          value={ticket.queue_id ?? ""}
          choices={[["", "No queue"], ...(queues.data ?? []).map((q): Choice => [q.id, q.name])]}
          onChange={(value) => void save("queue_id", value || null)}
        />
      </div>
      {!canAssign ? <p className="text-xs text-slate-500">Only admins and managers reassign tickets.</p> : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
