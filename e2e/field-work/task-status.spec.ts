import { expect, test } from "@playwright/test";
import { demoUsers, serverRows, signInAs } from "../support/demo-users.js";

test("a task marked done in one tap offline keeps its new status after a reload and reaches the server with its history", async ({
  page,
  context,
}) => {
  await signInAs(page, demoUsers.sam);
  const status = page.getByRole("status");
  const task = page.getByRole("list", { name: "My tasks" }).getByRole("listitem", { name: "Paint classroom 1" });
  await expect(task).toContainText("In progress");

  await context.setOffline(true);
  await expect(status).toHaveText("Offline");
  await task.getByRole("button", { name: "Done", exact: true }).click();
  await expect(task).toContainText("Done");
  await expect(task.getByRole("button", { name: "Reopen" })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  // The replica reopens from IndexedDB after a reload: seconds on a busy machine.
  await expect(task.getByRole("button", { name: "Reopen" })).toBeVisible({ timeout: 20_000 });
  await expect(task).not.toContainText("In progress");

  await context.setOffline(false);
  await expect(status).toContainText("All changes synced");
  const tasks = await serverRows(page, "tasks");
  const painted = tasks.find((t) => t.title === "Paint classroom 1");
  expect(painted?.status).toBe("done");
  const updates = await serverRows(page, "task_updates");
  expect(updates.filter((u) => u.task_id === painted?.id)).toEqual([
    expect.objectContaining({ status: "done", author_id: expect.any(String) }),
  ]);
});
