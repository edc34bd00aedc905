import { ticketPriorities, ticketStatuses } from "@worktrackr/shared-schema";
import { useState } from "react";
import { type TicketFilters, unassigned } from "../../data/tickets/ticket-filters.js";
import { useMembers } from "../../hooks/use-members.js";
import { useQueues } from "../../hooks/use-queues.js";
import { fieldClass, priorityLabels, statusLabels } from "./ticket-labels.js";

const labelClass = "block text-sm font-medium text-slate-700";

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
          className={fieldClass}
        />
      </label>
      <label className={labelClass}>
        Status
        <select value={filters.status ?? ""} onChange={(e) => set("status", e.target.value)} className={fieldClass}>
          <option value="">Any status</option>
          {ticketStatuses.map((s) => (
            <option key={s} value={s}>
              {statusLabels[s]}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        Priority
        <select value={filters.priority ?? ""} onChange={(e) => set("priority", e.target.value)} className={fieldClass}>
          <option value="">Any priority</option>
          {ticketPriorities.map((p) => (
            <option key={p} value={p}>
              {priorityLabels[p]}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        Assignee
        <select value={filters.assignee ?? ""} onChange={(e) => set("assignee", e.target.value)} className={fieldClass}>
          <option value="">Anyone</option>
          <option value={unassigned}>Unassigned</option>
          {(members.data ?? []).map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        Queue
        <select value={filters.queue ?? ""} onChange={(e) => set("queue", e.target.value)} className={fieldClass}>
          <option value="">Any queue</option>
          {(queues.data ?? []).map((q) => (
            <option key={q.id} value={q.id}>
              {q.name}
            </option>
          ))}
        </select>
      </label>
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
