import { expect, test } from "@playwright/test";
import { createTicket, demoUsers, openTickets, signInAs, storedTicket } from "../support/demo-users.js";

test("on a ticket's page the office changes status and priority, comments, and logs time with the timer", async ({
  page,
}) => {
  await signInAs(page, demoUsers.admin);
  const title = `Radiator cold, room ${Date.now()}`;
  const id = await createTicket(page, { title, priority: "low" });
  await openTickets(page);
  await page.getByRole("list", { name: "Tickets" }).getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveURL(`/tickets/${id}`);

  await page.getByLabel("Status").selectOption("pending");
  await page.getByLabel("Priority").selectOption("high");
  await expect.poll(async () => (await storedTicket(page, id)).status).toBe("pending");
  await expect.poll(async () => (await storedTicket(page, id)).priority).toBe("high");

  await page.getByRole("textbox", { name: "Comment", exact: true }).fill("Bled the radiator; checking again tomorrow.");
  await page.getByRole("button", { name: "Add comment" }).click();
  const comments = page.getByRole("list", { name: "Comments" });
  await expect(comments.getByRole("listitem")).toHaveCount(1);
  await expect(comments).toContainText("Bled the radiator; checking again tomorrow.");
  await expect(page.getByRole("status")).toContainText("All changes synced");
  // Once synced the server has named its author.
  await expect(comments).toContainText("Alex Morgan");

  await page.getByRole("button", { name: "Start timer" }).click();
  await expect(page.getByRole("timer")).toHaveText(/0:00:0[1-9]/);
  await page.getByRole("button", { name: "Stop timer" }).click();
  const logged = page.getByRole("list", { name: "Time logged" });
  await expect(logged.getByRole("listitem")).toHaveCount(1);
  await expect(logged.getByRole("listitem")).toContainText(/0:00:0[1-9]/);
});

test("crew are offered only the status moves their role allows", async ({ page }) => {
  await signInAs(page, demoUsers.sam);
  await openTickets(page);
  await page.getByRole("list", { name: "Tickets" }).getByRole("link", { name: "Boiler pressure dropping" }).click();
  const status = page.getByLabel("Status");
  await expect(status).toHaveValue("open");
  await expect(status.getByRole("option")).toHaveText(["Open", "Pending", "Resolved"]);
  await expect(page.getByLabel("Assignee")).toBeDisabled();
});
