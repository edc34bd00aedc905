import { tables, type taskStatuses } from "@worktrackr/shared-schema";
import type { ReplicaAccess } from "../replica-access.js";

export type TaskStatus = (typeof taskStatuses)[number];

export const taskStatusLabels: Record<TaskStatus, string> = {
  todo: "To do",
  in_progress: "In progress",
  blocked: "Blocked",
  done: "Done",
};

/** A one-tap move from a task's status, named as a crew member would say it. */
export interface TaskAction {
  readonly label: string;
  readonly to: TaskStatus;
}

const actions: Record<TaskStatus, readonly TaskAction[]> = {
  todo: [
    { label: "Start", to: "in_progress" },
    { label: "Done", to: "done" },
  ],
  in_progress: [
    { label: "Done", to: "done" },
    { label: "Blocked", to: "blocked" },
  ],
  blocked: [{ label: "Resume", to: "in_progress" }],
  done: [{ label: "Reopen", to: "todo" }],
};

export const isTaskStatus = (value: string): value is TaskStatus => value in actions;

/** The moves offered from a status; none for one this build does not know. */
export function taskActions(status: string): readonly TaskAction[] {
  return isTaskStatus(status) ? actions[status] : [];
}

/**
 * Sets a task's status: a patch of that one field (field-LWW, so an office edit to other fields
 * survives), and an append-only update row, so the office sees who moved it and when.
 */
export async function setTaskStatus(layer: ReplicaAccess, taskId: string, status: TaskStatus): Promise<void> {
  const patch = tables.tasks.patch.parse({ id: taskId, status });
  await layer.engine.write("tasks", "upsert", patch);
  const updateId = crypto.randomUUID();
  const update = tables.task_updates.insert.parse({ id: updateId, task_id: taskId, status });
  await layer.engine.write("task_updates", "upsert", { ...update, id: updateId });
}
