import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { inputClass, labelClass, primaryButtonClass, secondaryButtonClass } from "../../components/form/form-styles.js";
import type { DataLayer } from "../../data/data-layer.js";
import { type EntryTimesField, entryTimes, localTimeOfDay } from "../../data/time/entry-times.js";
import { type BookingOption, saveEntry, type TimeEntryLine } from "../../data/time/time-entries.js";
import { localIsoDate } from "../../data/time/week.js";
import { useBookingOptions } from "./use-time-data.js";

type FormField = EntryTimesField | "ticket" | "task" | "notes" | "billable" | "form";

const savedFieldToFormField: Record<string, FormField> = {
  date: "date",
  started_at: "start",
  ended_at: "end",
  ticket_id: "ticket",
  task_id: "task",
  project_id: "task",
  notes: "notes",
  billable: "billable",
};

const durationText = (seconds: number) =>
  `${Math.floor(seconds / 3600)}:${String(Math.round((seconds % 3600) / 60)).padStart(2, "0")}`;

/** The form's starting values: an entry being edited, or a blank one on a day of the week shown. */
function initialValues(entry: TimeEntryLine | null, defaultDate: string) {
  if (!entry?.ended_at) {
    return { date: defaultDate, start: "", end: "", duration: "", ticketId: "", taskId: "", notes: "", billable: true };
  }
  const started = new Date(entry.started_at);
  const ended = new Date(entry.ended_at);
  // An entry past midnight cannot be shown as an end on the same day: its duration is shown instead.
  const isSameDay = localIsoDate(started) === localIsoDate(ended);
  return {
    date: localIsoDate(started),
    start: localTimeOfDay(entry.started_at),
    end: isSameDay ? localTimeOfDay(entry.ended_at) : "",
    duration: isSameDay ? "" : durationText((ended.getTime() - started.getTime()) / 1000),
    ticketId: entry.ticket_id ?? "",
    taskId: entry.task_id ?? "",
    notes: entry.notes ?? "",
    billable: entry.billable,
  };
}

/** The options, plus the entry's current one when it is no longer offered (a closed ticket). */
function withCurrent(options: readonly BookingOption[], id: string | null, label: string | null) {
  if (!id || options.some((o) => o.id === id)) return options;
  return [...options, { id, title: label ?? "(no longer assigned to you)", project_id: null }];
}

/**
 * Adds time by hand, or changes an entry. Checked by the same rules the server applies (times,
 * then the shared zod schema), with the message naming the field and focus-able beside it.
 */
export function EntryForm({
  layer,
  entry,
  defaultDate,
  onDone,
}: {
  layer: DataLayer;
  entry: TimeEntryLine | null;
  defaultDate: string;
  onDone: () => void;
}) {
  const [values, setValues] = useState(() => initialValues(entry, defaultDate));
  const [error, setError] = useState<{ field: FormField; message: string } | null>(null);
  const [isSaving, setSaving] = useState(false);
  const options = useBookingOptions();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Edit is tapped far down a long week: bring the form to the eye and the keyboard's focus.
  useEffect(() => {
    headingRef.current?.scrollIntoView({ block: "start", behavior: "smooth" });
    headingRef.current?.focus({ preventScroll: true });
  }, []);
  const baseId = useId();
  const errorId = `${baseId}-error`;
  const idOf = (field: FormField) => `${baseId}-${field}`;
  const fieldProps = (field: FormField) => ({
    id: idOf(field),
    "aria-invalid": error?.field === field ? true : undefined,
    "aria-describedby": error?.field === field ? errorId : undefined,
  });
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const tickets = withCurrent(options.data?.tickets ?? [], entry?.ticket_id ?? null, entry?.label ?? null);
  const tasks = withCurrent(options.data?.tasks ?? [], entry?.task_id ?? null, entry?.label ?? null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const times = entryTimes(values);
    if (!times.ok) {
      setError({ field: times.field, message: times.message });
      return;
    }
    const task = tasks.find((t) => t.id === values.taskId);
    setSaving(true);
    try {
      const result = await saveEntry(layer, entry, {
        startedAt: times.startedAt,
        endedAt: times.endedAt,
        ticketId: values.ticketId || null,
        taskId: values.taskId || null,
        // A task brings its job; an entry booked on a job alone (a timer on it) keeps that job.
        projectId: values.taskId ? (task?.project_id ?? null) : entry && !entry.task_id ? entry.project_id : null,
        notes: values.notes,
        billable: values.billable,
      });
      if (!result.ok) {
        setError({ field: savedFieldToFormField[result.field] ?? "form", message: result.message });
        setSaving(false);
        return;
      }
      onDone();
    } catch (failure) {
      console.error("a time entry could not be saved", failure);
      setError({ field: "form", message: "The time entry could not be saved on this device." });
      setSaving(false);
    }
  };

  return (
    <form
      aria-label={entry ? "Edit time entry" : "Add time"}
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
    >
      <h3 ref={headingRef} tabIndex={-1} className="scroll-mt-4 text-base font-semibold text-slate-900 outline-none">
        {entry ? "Edit time entry" : "Add time"}
      </h3>
      <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <div className="col-span-2 sm:col-span-1">
          <label htmlFor={idOf("date")} className={labelClass}>
            Date
          </label>
          <input
            type="date"
            required
            value={values.date}
            onChange={(e) => set("date", e.target.value)}
            className={inputClass}
            {...fieldProps("date")}
          />
        </div>
        <div>
          <label htmlFor={idOf("start")} className={labelClass}>
            Start
          </label>
          <input
            type="time"
            required
            value={values.start}
            onChange={(e) => set("start", e.target.value)}
            className={inputClass}
            {...fieldProps("start")}
          />
        </div>
        <div>
          <label htmlFor={idOf("end")} className={labelClass}>
            End
          </label>
          <input
            type="time"
            value={values.end}
            onChange={(e) => set("end", e.target.value)}
            className={inputClass}
            {...fieldProps("end")}
          />
        </div>
        <div className="col-span-2 sm:col-span-1">
          <label htmlFor={idOf("duration")} className={labelClass}>
            Duration
          </label>
          <input
            type="text"
            inputMode="text"
            autoComplete="off"
            placeholder="1:30, 90m or 1.5h"
            value={values.duration}
            onChange={(e) => set("duration", e.target.value)}
            className={inputClass}
            {...fieldProps("duration")}
          />
        </div>
      </div>
      <p className="-mt-2 text-sm text-slate-600">Give an End or a Duration.</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={idOf("ticket")} className={labelClass}>
            Ticket (optional)
          </label>
          <select
            value={values.ticketId}
            onChange={(e) => set("ticketId", e.target.value)}
            className={inputClass}
            {...fieldProps("ticket")}
          >
            <option value="">No ticket</option>
            {tickets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={idOf("task")} className={labelClass}>
            Task (optional)
          </label>
          <select
            value={values.taskId}
            onChange={(e) => set("taskId", e.target.value)}
            className={inputClass}
            {...fieldProps("task")}
          >
            <option value="">No task</option>
            {tasks.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div>
        <label htmlFor={idOf("notes")} className={labelClass}>
          Notes
        </label>
        <textarea
          rows={2}
          value={values.notes}
          onChange={(e) => set("notes", e.target.value)}
          className={inputClass}
          {...fieldProps("notes")}
        />
      </div>
      <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
        <input
          type="checkbox"
          checked={values.billable}
          onChange={(e) => set("billable", e.target.checked)}
          className="h-5 w-5 rounded border-slate-300"
          {...fieldProps("billable")}
        />
        Billable
      </label>
      {error ? (
        <p id={errorId} role="alert" className="text-sm font-medium text-red-700">
          {error.message}
        </p>
      ) : null}
      <div className="flex gap-3">
        <button type="submit" disabled={isSaving} className={primaryButtonClass}>
          Save
        </button>
        <button type="button" onClick={onDone} className={secondaryButtonClass}>
          Cancel
        </button>
      </div>
    </form>
  );
}
