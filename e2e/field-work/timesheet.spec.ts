import { expect, test } from "@playwright/test";
import { demoUsers, serverRows, signInAs } from "../support/demo-users.js";

test("time added and corrected by hand in last week is submitted as its timesheet, then locked", async ({ page }) => {
  await signInAs(page, demoUsers.sam);
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Time" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Time" })).toBeVisible();
  await page.getByRole("button", { name: "Previous week" }).click();
  await expect(page).toHaveURL(/week=\d{4}-\d{2}-\d{2}/);
  const weekStart = new URL(page.url()).searchParams.get("week") ?? "";

  await page.getByRole("button", { name: "Add time" }).click();
  const form = page.getByRole("form", { name: "Add time" });
  await form.getByLabel("Date").fill(weekStart);
  await form.getByLabel("Start").fill("09:00");
  await form.getByLabel("End").fill("08:00");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    "End must be after Start (for work past midnight, give a Duration instead).",
  );
  await form.getByLabel("End").fill("");
  await form.getByLabel("Duration").fill("1:30");
  await form.getByLabel("Notes").fill("Boiler service visit");
  await form.getByLabel("Billable").uncheck();
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form).toBeHidden();

  const entry = page
    .getByRole("list", { name: /^Entries/ })
    .getByRole("listitem")
    .filter({ hasText: "Boiler service visit" });
  await expect(entry).toContainText("1 h 30 min");
  await expect(entry).toContainText("Not billable");

  await entry.getByRole("button", { name: "Edit" }).click();
  const editForm = page.getByRole("form", { name: "Edit time entry" });
  await expect(editForm.getByLabel("End")).toHaveValue("10:30");
  await editForm.getByLabel("End").fill("11:00");
  await editForm.getByRole("button", { name: "Save" }).click();
  await expect(editForm).toBeHidden();
  await expect(entry).toContainText("2 h 00 min");
  const timesheet = page.getByRole("region", { name: "Timesheet" });
  await expect(timesheet).toContainText("Draft");

  await timesheet.getByRole("button", { name: "Submit timesheet" }).click();
  await expect(timesheet).toContainText("Submitted");
  await expect(entry.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await expect(entry).toContainText("Locked");
  await expect(page.getByRole("button", { name: "Add time" })).toHaveCount(0);

  // The writes are pushed a moment after the tap; the server's answer is what counts.
  await expect
    .poll(async () => (await serverRows(page, "timesheets")).find((s) => s.week_start === weekStart))
    .toMatchObject({ status: "submitted", submitted_at: expect.any(String) });
  const sheet = (await serverRows(page, "timesheets")).find((s) => s.week_start === weekStart);
  const entries = await serverRows(page, "time_entries");
  expect(entries.find((e) => e.notes === "Boiler service visit")).toMatchObject({
    timesheet_id: sheet?.id,
    duration_seconds: 7200,
    billable: false,
  });
});
