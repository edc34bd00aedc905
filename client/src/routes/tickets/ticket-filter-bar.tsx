import { ticketPriorities, ticketStatuses } from "@worktrackr/shared-schema";
import { useState } from "react";
import { inputClass, labelClass } from "../../components/form/form-styles.js";
import { type TicketFilters, unassigned } from "../../data/tickets/ticket-filters.js";
import { useMembers } from "../../hooks/use-members.js";
import { useQueues } from "../../hooks/use-queues.js";
import { type Choice, ChoiceField } from "./choice-field.js";
import { priorityLabels, statusLabels } from "./ticket-labels.js";

/** Status, priority, assignee, queue and a search over title and description. */
export function TicketFilterBar({
  filters,
  onChange,
}: {
  filters: TicketFilters;
  onChange: (next: TicketFilters) => void;
}) {
  const queues = useQueues();
  const members = useMembers();
  // What is typed, spaces and all; the URL keeps the trimmed search.
  const [search, setSearch] = useState(filters.search ?? "");
  const set = (key: keyof TicketFilters, value: string) => {
    const { [key]: _dropped, ...rest } = filters;
    onChange(value ? { ...rest, [key]: value } : rest);
  };
  const hasFilters = Object.keys(filters).length > 0;

  return (
    <search
      aria-label="Filter tickets"
      className="mt-4 grid grid-cols-2 gap-3 rounded-xl bg-white p-4 shadow-sm sm:grid-cols-4"
    >
      <label className={`${labelClass} col-span-2 sm:col-span-4`}>
        Search
        <input
          type="search"
          value={search}
          placeholder="Words in the title or description"
          onChange={(e) => {
            setSearch(e.target.value);
            set("search", e.target.value.trim());
          }}
          className={inputClass}
        />
      </label>
      <ChoiceField
        label="Status"
        value={filters.status ?? ""}
        choices={[["", "Any status"], ...ticketStatuses.map((st): Choice => [st, statusLabels[st] ?? st])]}
        onChange={(value) => set("status", value)}
      />
      <ChoiceField
        label="Priority"
        value={filters.priority ?? ""}
        choices={[["", "Any priority"], ...ticketPriorities.map((p): Choice => [p, priorityLabels[p] ?? p])]}
        onChange={(value) => set("priority", value)}
      />
      <ChoiceField
        label="Assignee"
        value={filters.assignee ?? ""}
        choices={[
          ["", "Anyone"],
          [unassigned, "Unassigned"],
          ...(members.data ?? []).map((m): Choice => [m.id, m.name]),
        ]}
        onChange={(value) => set("assignee", value)}
      />
      <ChoiceField
        label="Queue"
        value={filters.queue ?? ""}
        choices={[["", "Any queue"], ...(queues.data ?? []).map((q): Choice => [q.id, q.name])]}
        onChange={(value) => set("queue", value)}
      />
      {hasFilters ? (
        <button
          type="button"
          onClick={() => {
            setSearch("");
            onChange({});
          }}
          className="col-span-2 justify-self-start text-sm font-semibold text-brand-700 underline sm:col-span-4"
        >
          Clear filters
        </button>
      ) : null}
    </search>
  );
}
