import { useId, useState } from "react";
import { formatDay } from "../../components/format-day.js";
import { formatHours } from "../../components/time/format-duration.js";
import type { DataLayer } from "../../data/data-layer.js";
import { decideTimesheet, type TimesheetToDecide } from "../../data/time/timesheets.js";
import { useTimesheetsToDecide } from "./use-time-data.js";

function SheetRow({ layer, sheet }: { layer: DataLayer; sheet: TimesheetToDecide }) {
  const [isRejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const reasonId = useId();
  const who = sheet.person ?? "A team member";

  const decide = async (decision: "approved" | "rejected") => {
    setError(null);
    try {
      await decideTimesheet(layer, sheet.id, decision, reason);
    } catch (failure) {
      console.error("a timesheet decision could not be saved", failure);
      setError("The decision could not be saved on this device.");
    }
  };

  return (
    <li aria-label={`${who}, week of ${formatDay(sheet.week_start)}`} className="space-y-2 px-4 py-3">
      <div className="flex flex-wrap items-baseline gap-x-3">
        <p className="flex-1 font-medium text-slate-900">
          {who} <span className="font-normal text-slate-600">· week of {formatDay(sheet.week_start)}</span>
        </p>
        <p className="text-sm text-slate-700">
          <span className="font-semibold tabular-nums">{formatHours(sheet.total_seconds)}</span> ·{" "}
          {formatHours(sheet.billable_seconds)} billable
        </p>
      </div>
      {isRejecting ? (
        <div className="flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1 basis-56">
            <label htmlFor={reasonId} className="block text-sm font-medium text-slate-700">
              Reason
            </label>
            <input
              id={reasonId}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2"
            />
          </div>
          <button
            type="button"
            onClick={() => void decide("rejected")}
            className="rounded-lg bg-red-700 px-3 py-2 text-sm font-semibold text-white hover:bg-red-900"
          >
            Reject timesheet
          </button>
          <button
            type="button"
            onClick={() => setRejecting(false)}
            className="rounded-lg border border-slate-300 px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
          >
            Cancel
          </button>
        </div>
      ) : (
        <div className="flex gap-2">
          <button
            type="button"
            onClick={() => void decide("approved")}
            className="rounded-lg bg-emerald-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-emerald-900"
          >
            Approve
          </button>
          <button
            type="button"
            onClick={() => setRejecting(true)}
            className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100"
          >
            Reject
          </button>
        </div>
      )}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </li>
  );
}

/** For managers: the team's submitted timesheets, approved or sent back in one tap. */
export function TimesheetApprovals({ layer }: { layer: DataLayer }) {
  const sheets = useTimesheetsToDecide();
  return (
    <section aria-labelledby="approvals-title" className="space-y-2">
      <h2 id="approvals-title" className="text-lg font-semibold text-slate-900">
        Timesheets to approve
      </h2>
      {!sheets.data ? null : sheets.data.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-4 text-slate-600">
          Nothing waiting. Submitted timesheets from your team appear here.
        </p>
      ) : (
        <ul aria-label="Timesheets to approve" className="divide-y divide-slate-200 rounded-xl bg-white shadow-sm">
          {sheets.data.map((sheet) => (
            <SheetRow key={sheet.id} layer={layer} sheet={sheet} />
          ))}
        </ul>
      )}
    </section>
  );
}
