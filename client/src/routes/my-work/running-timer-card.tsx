import { formatTimeOfDay } from "../../components/format-day.js";
import { TimerButton } from "../../components/time/timer-button.js";
import type { RunningTimer } from "../../data/time/timer.js";
import { useRunningTimer } from "../../hooks/use-running-timer.js";

/** The running timer's own target, so the button beside it is its Stop button. */
function targetOf(timer: RunningTimer) {
  return {
    ...(timer.ticket_id ? { ticketId: timer.ticket_id } : {}),
    ...(timer.task_id ? { taskId: timer.task_id } : {}),
    ...(timer.project_id ? { projectId: timer.project_id } : {}),
  };
}

const subjectOf = (timer: RunningTimer) =>
  timer.label ??
  (timer.ticket_id ? "a ticket" : timer.task_id ? "a task" : timer.project_id ? "a job" : "General time");

/**
 * The timer first, as a crew member looks for it: what it is on and how long, with Stop; or Start
 * for general time. It is a time entry on the device, so it is there after a reload with no signal.
 */
export function RunningTimerCard() {
  const running = useRunningTimer();
  const timer = running.data ?? null;
  return (
    <section
      aria-labelledby="timer-title"
      className={`rounded-xl border bg-white p-4 shadow-sm ${timer ? "border-emerald-300 ring-1 ring-emerald-200" : "border-slate-200"}`}
    >
      <h2 id="timer-title" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
        Timer
      </h2>
      {timer ? (
        <p className="mt-1 text-slate-900">
          Running on <strong className="font-semibold">{subjectOf(timer)}</strong>
          <span className="text-slate-600"> since {formatTimeOfDay(timer.started_at)}</span>
        </p>
      ) : running.isSuccess ? (
        <p className="mt-1 text-slate-700">
          No timer running. Start one for general time here, or on a task below when you begin it.
        </p>
      ) : null}
      <div className="mt-3">{timer ? <TimerButton {...targetOf(timer)} /> : <TimerButton />}</div>
    </section>
  );
}
