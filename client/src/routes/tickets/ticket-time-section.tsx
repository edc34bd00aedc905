import { formatDuration, formatHours } from "../../components/time/format-duration.js";
import { TimerButton } from "../../components/time/timer-button.js";
import { totalSeconds } from "../../data/tickets/ticket-time.js";
import { useTicketTime } from "../../hooks/use-ticket-time.js";
import { formatWhen } from "./format-when.js";

const describeTotal = (seconds: number) =>
  seconds > 0 && seconds < 60 ? "Under a minute logged" : `${formatHours(seconds)} logged`;

/** Time logged on the ticket, with the timer to log more. */
export function TicketTimeSection({ ticketId }: { ticketId: string }) {
  const entries = useTicketTime(ticketId);
  const logged = entries.data ?? [];

  return (
    <section aria-labelledby="time-title" className="rounded-xl bg-white p-4 shadow-sm sm:p-6">
      <div className="flex flex-wrap items-baseline gap-x-3">
        <h2 id="time-title" className="text-lg font-semibold text-slate-900">
          Time
        </h2>
        <p className="text-sm text-slate-600">{describeTotal(totalSeconds(logged))}</p>
      </div>
      <div className="mt-3">
        <TimerButton ticketId={ticketId} />
      </div>
      {logged.length > 0 ? (
        <ul aria-label="Time logged" className="mt-4 divide-y divide-slate-100 text-sm">
          {logged.map((e) => (
            <li key={e.id} className="flex flex-wrap items-baseline gap-x-3 py-2">
              <span className="font-mono tabular-nums text-slate-900">
                {e.seconds === null ? "running" : formatDuration(e.seconds)}
              </span>
              <span className="text-slate-700">{e.user_name ?? "You"}</span>
              <span className="text-slate-500">{formatWhen(e.started_at)}</span>
              {e.notes ? <span className="w-full text-slate-600">{e.notes}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
