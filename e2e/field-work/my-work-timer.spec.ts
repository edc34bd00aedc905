import { expect, test } from "@playwright/test";
import { demoUsers, serverRows, signInAs } from "../support/demo-users.js";

test("a timer started on My work runs on across an offline reload, stops offline, and its entry shows on Time", async ({
  page,
  context,
}) => {
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await signInAs(page, demoUsers.sam);
  const status = page.getByRole("status");
  const timerCard = page.getByRole("region", { name: "Timer" });
  await expect(timerCard).toContainText("No timer running");

  await context.setOffline(true);
  await expect(status).toHaveText("Offline");
  await timerCard.getByRole("button", { name: "Start timer" }).click();
  await expect(timerCard).toContainText("Running on General time");
  const clock = timerCard.getByRole("timer");
  const firstReading = await clock.textContent();
  await expect(clock).not.toHaveText(firstReading ?? "");

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  await expect(status).toHaveText(/Offline/);
  // The replica reopens from IndexedDB after a reload: seconds on a busy machine.
  await expect(timerCard).toContainText("Running on General time", { timeout: 20_000 });
  await expect(timerCard.getByRole("timer")).toBeVisible();

  await timerCard.getByRole("button", { name: "Stop timer" }).click();
  await expect(timerCard).toContainText("No timer running");
  await expect(timerCard.getByRole("button", { name: "Start timer" })).toBeVisible();

  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Time" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Time" })).toBeVisible();
  const generalTime = page.getByRole("list", { name: /^Entries/ }).getByRole("listitem", { name: /General time/ });
  await expect(generalTime).toHaveCount(1);
  await expect(generalTime.getByRole("button", { name: "Edit" })).toBeVisible();

  await context.setOffline(false);
  await expect(status).toContainText("All changes synced");
  const entries = await serverRows(page, "time_entries");
  const general = entries.filter((e) => e.ticket_id === null && e.task_id === null && e.project_id === null);
  expect(general).toHaveLength(1);
  expect(general[0]?.ended_at).toEqual(expect.any(String));
  expect(pageErrors).toEqual([]);
});
