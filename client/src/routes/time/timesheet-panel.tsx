import { useState } from "react";
import { primaryButtonClass, secondaryButtonClass } from "../../components/form/form-styles.js";
import { formatHours } from "../../components/time/format-duration.js";
import type { DataLayer } from "../../data/data-layer.js";
import { submitTimesheet, type Timesheet, TimesheetError, withdrawTimesheet } from "../../data/time/timesheets.js";
import type { Week } from "../../data/time/week.js";
import type { Totals } from "../../data/time/week-totals.js";

const statusText: Record<Timesheet["status"], { label: string; style: string; help: string }> = {
  draft: {
    label: "Draft",
    style: "bg-slate-100 text-slate-700",
    help: "Not submitted yet. Submit the week when its time is complete.",
  },
  submitted: {
    label: "Submitted",
    style: "bg-amber-100 text-amber-900",
    help: "Waiting for a manager. Its entries are locked; withdraw it to change them.",
  },
  approved: {
    label: "Approved",
    style: "bg-emerald-100 text-emerald-800",
    help: "Approved by a manager. Its entries can no longer change.",
  },
  rejected: {
    label: "Rejected",
    style: "bg-red-100 text-red-800",
    help: "Sent back by a manager. You can correct the entries; talk to your manager about this week.",
  },
};

/** The week's totals and its timesheet: status, and Submit or Withdraw as the rules allow. */
export function TimesheetPanel({
  layer,
  week,
  sheet,
  totals,
  hasEntries,
}: {
  layer: DataLayer;
  week: Week;
  sheet: Timesheet | null;
  totals: Totals;
  hasEntries: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const status = sheet?.status ?? "draft";
  const text = statusText[status];

  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      if (failure instanceof TimesheetError) setError(failure.message);
      else {
        console.error("a timesheet change could not be saved", failure);
        setError("The timesheet could not be saved on this device.");
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="timesheet-title" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <dl className="grid grid-cols-3 gap-2 text-center">
        <div className="rounded-lg bg-slate-50 p-2">
          <dt className="text-xs font-medium text-slate-600">Week total</dt>
          <dd className="whitespace-nowrap text-base font-bold tabular-nums text-slate-900 sm:text-lg">
            {formatHours(totals.totalSeconds)}
          </dd>
        </div>
        <div className="rounded-lg bg-slate-50 p-2">
          <dt className="text-xs font-medium text-slate-600">Billable</dt>
          <dd className="whitespace-nowrap text-base font-bold tabular-nums text-slate-900 sm:text-lg">
            {formatHours(totals.billableSeconds)}
          </dd>
        </div>
        <div className="rounded-lg bg-slate-50 p-2">
          <dt className="text-xs font-medium text-slate-600">Not billable</dt>
          <dd className="whitespace-nowrap text-base font-bold tabular-nums text-slate-900 sm:text-lg">
            {formatHours(totals.nonBillableSeconds)}
          </dd>
        </div>
      </dl>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <h2 id="timesheet-title" className="font-semibold text-slate-900">
          Timesheet
        </h2>
        <span className={`rounded-full px-2.5 py-0.5 text-sm font-medium ${text.style}`}>{text.label}</span>
        <div className="ml-auto flex gap-2">
          {status === "draft" && hasEntries ? (
            <button
              type="button"
              disabled={isBusy}
              onClick={() => void act(() => submitTimesheet(layer, week))}
              className={primaryButtonClass}
            >
              Submit timesheet
            </button>
          ) : null}
          {status === "submitted" && sheet ? (
            <button
              type="button"
              disabled={isBusy}
              onClick={() => void act(() => withdrawTimesheet(layer, sheet.id))}
              className={secondaryButtonClass}
            >
              Withdraw
            </button>
          ) : null}
        </div>
      </div>
      {hasEntries || sheet ? <p className="mt-2 text-sm text-slate-600">{text.help}</p> : null}
      {status === "rejected" && sheet?.decision_reason ? (
        <p className="mt-1 text-sm text-red-800">Reason: {sheet.decision_reason}</p>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </section>
  );
}
