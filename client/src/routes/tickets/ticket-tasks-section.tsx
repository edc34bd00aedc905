import { useTicketTasks } from "../../hooks/use-ticket-tasks.js";

const taskStatusLabels: Record<string, string> = {
  todo: "To do",
  in_progress: "In progress",
  blocked: "Blocked",
  done: "Done",
};

/** Tasks raised from the ticket; nothing at all when there are none. */
export function TicketTasksSection({ ticketId }: { ticketId: string }) {
  const tasks = useTicketTasks(ticketId);
  if (!tasks.data || tasks.data.length === 0) return null;
  return (
    <section aria-labelledby="tasks-title" className="rounded-xl bg-white p-4 shadow-sm sm:p-6">
      <h2 id="tasks-title" className="text-lg font-semibold text-slate-900">
        Related tasks
      </h2>
      <ul className="mt-3 divide-y divide-slate-100 text-sm">
        {tasks.data.map((t) => (
          <li key={t.id} className="flex flex-wrap items-baseline gap-x-3 py-2">
            <span className="flex-1 font-medium text-slate-900">{t.title}</span>
            <span className="text-slate-600">{taskStatusLabels[t.status] ?? t.status}</span>
            <span className="text-slate-500">{t.assignee_name ?? "Unassigned"}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
