import { can } from "@worktrackr/shared-schema";
import { useState } from "react";
import { NavLink, useSearchParams } from "react-router";
import { useSession } from "../../api/use-session.js";
import { primaryButtonClass } from "../../components/form/form-styles.js";
import type { TimeEntryLine } from "../../data/time/time-entries.js";
import { localIsoDate, shiftWeek, type Week, weekOf, weekStartingOn } from "../../data/time/week.js";
import { groupByDay, totalsOf } from "../../data/time/week-totals.js";
import { useDataLayer } from "../../hooks/use-data-layer.js";
import { EntryForm } from "./entry-form.js";
import { TimesheetApprovals } from "./timesheet-approvals.js";
import { TimesheetPanel } from "./timesheet-panel.js";
import { useMyTimesheet, useWeekEntries } from "./use-time-data.js";
import { WeekDays } from "./week-days.js";
import { WeekPicker } from "./week-picker.js";

/** The week in the address (?week=Monday), so a reload or a shared link shows the same week. */
function useWeekParam(): [Week, (week: Week | null) => void] {
  const [params, setParams] = useSearchParams();
  const week = weekStartingOn(params.get("week") ?? "") ?? weekOf(new Date());
  const setWeek = (next: Week | null) =>
    setParams(next ? { week: next.weekStart } : {}, { replace: true, preventScrollReset: true });
  return [week, setWeek];
}

type FormState = { kind: "closed" } | { kind: "add" } | { kind: "edit"; entry: TimeEntryLine };

/** The user's time, week by week: entries by day with totals, adding and editing, and the timesheet. */
export function TimeScreen() {
  const session = useSession();
  const layer = useDataLayer();
  const [week, setWeek] = useWeekParam();
  const entries = useWeekEntries(week);
  const sheet = useMyTimesheet(week.weekStart);
  const [form, setForm] = useState<FormState>({ kind: "closed" });
  const thisWeek = weekOf(new Date());
  const isThisWeek = week.weekStart === thisWeek.weekStart;
  const isSignedOut = session.isSuccess && session.data === null;
  const role = session.data?.role ?? null;
  const today = localIsoDate(new Date());
  const defaultDate = week.days.includes(today) ? today : week.weekStart;
  const isWeekLocked = sheet.data?.status === "submitted" || sheet.data?.status === "approved";

  const showWeek = (next: Week | null) => {
    setForm({ kind: "closed" });
    setWeek(next);
  };

  return (
    <section aria-labelledby="page-title" className="space-y-5">
      <div className="flex flex-wrap items-center gap-3">
        <h1 id="page-title" className="flex-1 text-2xl font-bold text-slate-900">
          Time
        </h1>
        {layer && form.kind === "closed" && !isWeekLocked ? (
          <button type="button" onClick={() => setForm({ kind: "add" })} className={primaryButtonClass}>
            Add time
          </button>
        ) : null}
      </div>
      {isSignedOut ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">
          <NavLink to="/login" className="font-semibold text-brand-700 underline">
            Sign in
          </NavLink>{" "}
          to see and record your time.
        </p>
      ) : !layer || !entries.data || sheet.data === undefined ? (
        <p className="text-slate-600">Opening your time on this device…</p>
      ) : (
        <>
          <WeekPicker
            week={week}
            isThisWeek={isThisWeek}
            onShift={(weeks) => showWeek(shiftWeek(week, weeks))}
            onThisWeek={() => showWeek(null)}
          />
          {form.kind !== "closed" ? (
            <EntryForm
              key={form.kind === "edit" ? form.entry.id : "new"}
              layer={layer}
              entry={form.kind === "edit" ? form.entry : null}
              defaultDate={defaultDate}
              onDone={() => setForm({ kind: "closed" })}
            />
          ) : null}
          <TimesheetPanel
            layer={layer}
            week={week}
            sheet={sheet.data}
            totals={totalsOf(entries.data)}
            hasEntries={entries.data.some((e) => e.ended_at !== null)}
          />
          {entries.data.length === 0 ? (
            <p className="rounded-xl border border-dashed border-slate-300 bg-white p-4 text-slate-600">
              No time recorded this week. Start the timer on My work when you begin a job, or use Add time to enter
              hours afterwards.
            </p>
          ) : (
            <WeekDays
              layer={layer}
              days={groupByDay(entries.data, week)}
              onEdit={(entry) => setForm({ kind: "edit", entry })}
            />
          )}
          {role && can(role, "timesheets.approve") ? <TimesheetApprovals layer={layer} /> : null}
        </>
      )}
    </section>
  );
}
