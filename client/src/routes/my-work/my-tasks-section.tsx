import { useState } from "react";
import { formatDay } from "../../components/format-day.js";
import { TimerButton } from "../../components/time/timer-button.js";
import { dueState } from "../../data/field-work/due-date.js";
import type { MyTask } from "../../data/field-work/my-work-queries.js";
import {
  isTaskStatus,
  setTaskStatus,
  type TaskStatus,
  taskActions,
  taskStatusLabels,
} from "../../data/field-work/task-status.js";
import { useDataLayer } from "../../hooks/use-data-layer.js";
import { useMyTasks } from "./use-my-work.js";

const statusStyles: Record<TaskStatus, string> = {
  todo: "bg-slate-100 text-slate-700",
  in_progress: "bg-brand-50 text-brand-700 ring-1 ring-brand-500/30",
  blocked: "bg-amber-100 text-amber-900",
  done: "bg-emerald-100 text-emerald-800",
};

function DueText({ task, today }: { task: MyTask; today: string }) {
  const state = dueState(task.due_date, today);
  if (!task.due_date || task.status === "done") return null;
  if (state === "overdue")
    return <span className="font-semibold text-red-700">Overdue · due {formatDay(task.due_date)}</span>;
  if (state === "today") return <span className="font-semibold text-brand-700">Due today</span>;
  return <span>Due {formatDay(task.due_date)}</span>;
}

function TaskRow({ task, today }: { task: MyTask; today: string }) {
  const layer = useDataLayer();
  const [isSaving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isOverdue = task.status !== "done" && dueState(task.due_date, today) === "overdue";
  const status = isTaskStatus(task.status) ? task.status : null;

  const move = async (to: TaskStatus) => {
    if (!layer) return;
    setSaving(true);
    setError(null);
    try {
      await setTaskStatus(layer, task.id, to);
    } catch (failure) {
      console.error("a task status could not be saved", failure);
      setError("The new status could not be saved on this device.");
    } finally {
      setSaving(false);
    }
  };

  return (
    <li
      aria-label={task.title}
      className={`space-y-3 px-4 py-3 ${isOverdue ? "border-l-4 border-red-500 bg-red-50/60" : ""} ${task.status === "done" ? "opacity-75" : ""}`}
    >
      <div className="flex flex-wrap items-start gap-2">
        <div className="min-w-0 flex-1 basis-48">
          <p
            className={`font-medium text-slate-900 ${task.status === "done" ? "line-through decoration-slate-400" : ""}`}
          >
            {task.title}
          </p>
          <p className="text-sm text-slate-600">
            {task.project_name ? <span>{task.project_name}</span> : null}
            {task.project_name && task.due_date && task.status !== "done" ? <span aria-hidden="true"> · </span> : null}
            <DueText task={task} today={today} />
          </p>
        </div>
        <span
          className={`rounded-full px-2 py-0.5 text-xs font-medium ${status ? statusStyles[status] : "bg-slate-100"}`}
        >
          {status ? taskStatusLabels[status] : task.status}
        </span>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {taskActions(task.status).map((action) => (
          <button
            key={action.to}
            type="button"
            disabled={isSaving}
            onClick={() => void move(action.to)}
            className={
              action.to === "done"
                ? "rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-slate-900 disabled:opacity-60"
                : "rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60"
            }
          >
            {action.label}
          </button>
        ))}
        {task.status !== "done" ? (
          <div className="ml-auto">
            <TimerButton taskId={task.id} />
          </div>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </li>
  );
}

/** The user's tasks by due date, overdue ones marked, each with one-tap status moves and a timer. */
export function MyTasksSection({ today }: { today: string }) {
  const tasks = useMyTasks();
  return (
    <section aria-labelledby="my-tasks-title">
      <h2 id="my-tasks-title" className="text-lg font-semibold text-slate-900">
        Tasks
      </h2>
      {!tasks.data ? (
        <p className="mt-2 text-slate-600">Opening your tasks on this device…</p>
      ) : tasks.data.length === 0 ? (
        <p className="mt-2 rounded-xl border border-dashed border-slate-300 bg-white p-4 text-slate-600">
          No tasks assigned to you. When the office plans a job for you, its tasks show here: tap Start when you begin
          one and Done when it is finished, even with no signal.
        </p>
      ) : (
        <ul
          aria-label="My tasks"
          className="mt-2 divide-y divide-slate-200 overflow-hidden rounded-xl bg-white shadow-sm"
        >
          {tasks.data.map((task) => (
            <TaskRow key={task.id} task={task} today={today} />
          ))}
        </ul>
      )}
    </section>
  );
}
