import { useId, useState } from "react";
import { startTimer, stopTimer, type TimerTarget } from "../../data/time/timer.js";
import { useDataLayer } from "../../hooks/use-data-layer.js";
import { useNow } from "../../hooks/use-now.js";
import { useRunningTimer } from "../../hooks/use-running-timer.js";
import { formatDuration } from "./format-duration.js";

const sameTarget = (
  running: { ticket_id: string | null; task_id: string | null; project_id: string | null },
  target: TimerTarget,
) =>
  running.ticket_id === (target.ticketId ?? null) &&
  running.task_id === (target.taskId ?? null) &&
  running.project_id === (target.projectId ?? null);

/**
 * "Start timer" / "Stop timer" for time on a ticket, a task or in general. The timer is a time
 * entry in the replica, so it survives reloads and runs with no signal; starting one here stops
 * one running elsewhere, and says so first.
 */
export function TimerButton(target: TimerTarget) {
  const layer = useDataLayer();
  const running = useRunningTimer();
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hintId = useId();
  const timer = running.data ?? null;
  const isRunningHere = timer !== null && sameTarget(timer, target);
  const now = useNow(1000, isRunningHere);

  if (!layer) return null;

  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      console.error("the timer could not be saved", failure);
      setError("The timer could not be saved on this device.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-3">
      {isRunningHere ? (
        <>
          <button
            type="button"
            disabled={isBusy}
            onClick={() => void act(() => stopTimer(layer, timer.id))}
            className="rounded-lg bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-900 disabled:opacity-60"
          >
            Stop timer
          </button>
          <span role="timer" className="font-mono text-lg tabular-nums text-slate-900">
            {formatDuration((now - Date.parse(timer.started_at)) / 1000)}
          </span>
        </>
      ) : (
        <>
          <button
            type="button"
            disabled={isBusy || running.isPending}
            onClick={() => void act(() => startTimer(layer, target))}
            aria-describedby={timer ? hintId : undefined}
            title={timer ? `Stops the timer running on ${timer.label ?? "general time"}` : undefined}
            className="rounded-lg bg-emerald-700 px-4 py-2 font-semibold text-white hover:bg-emerald-900 disabled:opacity-60"
          >
            Start timer
          </button>
          {timer ? (
            // Heard with the button, not shown beside every one: My work lists many.
            <span id={hintId} className="sr-only">
              Stops the timer running on {timer.label ? `“${timer.label}”` : "general time"}.
            </span>
          ) : null}
        </>
      )}
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
