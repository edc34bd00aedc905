import { useState } from "react";
import { formatLongDay, formatTimeOfDay } from "../../components/format-day.js";
import { formatHours } from "../../components/time/format-duration.js";
import type { DataLayer } from "../../data/data-layer.js";
import { deleteEntry, isEntryLocked, type TimeEntryLine } from "../../data/time/time-entries.js";
import { type DayOfEntries, entrySeconds } from "../../data/time/week-totals.js";

const smallButton =
  "rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100";

function EntryRow({
  layer,
  entry,
  onEdit,
}: {
  layer: DataLayer;
  entry: TimeEntryLine;
  onEdit: (entry: TimeEntryLine) => void;
}) {
  const [isConfirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isRunning = entry.ended_at === null;
  const isLocked = isEntryLocked(entry);
  const what = entry.label ?? "General time";
  const range = `${formatTimeOfDay(entry.started_at)}–${entry.ended_at ? formatTimeOfDay(entry.ended_at) : "now"}`;

  const remove = async () => {
    setError(null);
    try {
      await deleteEntry(layer, entry.id);
    } catch (failure) {
      console.error("a time entry could not be deleted", failure);
      setError("The entry could not be deleted on this device.");
    }
  };

  return (
    <li aria-label={`${range} ${what}`} className="px-4 py-3">
      <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
        <div className="min-w-0 flex-1 basis-48">
          <p className="font-medium text-slate-900">{what}</p>
          <p className="text-sm text-slate-600">
            <span className="tabular-nums">{range}</span>
            {entry.notes ? <span> · {entry.notes}</span> : null}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-1.5">
          {isRunning ? (
            <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800">
              Running
            </span>
          ) : (
            <span className="font-semibold tabular-nums text-slate-900">{formatHours(entrySeconds(entry))}</span>
          )}
          {entry.billable ? null : (
            <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
              Not billable
            </span>
          )}
        </div>
      </div>
      {isRunning ? null : isLocked ? (
        <p className="mt-1 text-xs text-slate-500">
          Locked: its timesheet is {entry.sheet_status ?? entry.approval_status}.
        </p>
      ) : isConfirming ? (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <span className="text-sm text-slate-700">Delete this entry?</span>
          <button
            type="button"
            onClick={() => void remove()}
            className="rounded-lg bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-900"
          >
            Delete entry
          </button>
          <button type="button" onClick={() => setConfirming(false)} className={smallButton}>
            Keep
          </button>
        </div>
      ) : (
        <div className="mt-2 flex gap-2">
          <button type="button" onClick={() => onEdit(entry)} className={smallButton}>
            Edit
          </button>
          <button type="button" onClick={() => setConfirming(true)} className={smallButton}>
            Delete
          </button>
        </div>
      )}
      {error ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </li>
  );
}

/** The week day by day: each day's total and billable time, and its entries; empty days in one line. */
export function WeekDays({
  layer,
  days,
  onEdit,
}: {
  layer: DataLayer;
  days: readonly DayOfEntries<TimeEntryLine>[];
  onEdit: (entry: TimeEntryLine) => void;
}) {
  return (
    <ol aria-label="Days" className="space-y-2">
      {days.map((day) => (
        <li key={day.date} aria-labelledby={`day-${day.date}`}>
          <div
            className={`flex flex-wrap items-baseline gap-x-3 px-1 ${day.entries.length === 0 ? "text-sm text-slate-500" : ""}`}
          >
            <h3
              id={`day-${day.date}`}
              className={`flex-1 ${day.entries.length === 0 ? "font-medium" : "font-semibold text-slate-900"}`}
            >
              {formatLongDay(day.date)}
            </h3>
            {day.entries.length === 0 ? (
              <span className="text-sm">No time</span>
            ) : (
              <span className="text-sm text-slate-700">
                <span className="font-semibold tabular-nums text-slate-900">{formatHours(day.totalSeconds)}</span>
                {day.nonBillableSeconds > 0 ? ` · ${formatHours(day.billableSeconds)} billable` : " · all billable"}
              </span>
            )}
          </div>
          {day.entries.length > 0 ? (
            <ul
              aria-label={`Entries, ${formatLongDay(day.date)}`}
              className="mt-1 divide-y divide-slate-200 rounded-xl bg-white shadow-sm"
            >
              {day.entries.map((entry) => (
                <EntryRow key={entry.id} layer={layer} entry={entry} onEdit={onEdit} />
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
