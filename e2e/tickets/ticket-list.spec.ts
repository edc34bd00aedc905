import { expect, test } from "@playwright/test";
import { createTicket, demoUsers, openTickets, signInAs } from "../support/demo-users.js";

test("filters by status and a search narrow the list, and stay in the URL across a reload", async ({ page }) => {
  await signInAs(page, demoUsers.admin);
  const tag = `kestrel${Date.now()}`;
  await createTicket(page, { title: `Gate hinge ${tag}`, status: "open" });
  await createTicket(page, { title: `Roof leak ${tag}`, description: "Over the stairwell", status: "pending" });
  await createTicket(page, { title: "Skylight seal", description: `Reported with ${tag}`, status: "pending" });
  await openTickets(page);
  const tickets = page.getByRole("list", { name: "Tickets" });
  await expect(tickets.getByRole("listitem").filter({ hasText: "Boiler pressure dropping" })).toBeVisible();

  await page.getByLabel("Search").fill(tag);
  // The search looks in descriptions too.
  await expect(tickets.getByRole("listitem")).toHaveCount(3);
  await page.getByLabel("Status").selectOption("pending");
  await expect(tickets.getByRole("listitem")).toHaveCount(2);
  await expect(tickets.getByRole("listitem").filter({ hasText: "Gate hinge" })).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`status=pending.*q=${tag}|q=${tag}.*status=pending`));

  await page.reload();
  await expect(page.getByLabel("Status")).toHaveValue("pending");
  await expect(page.getByLabel("Search")).toHaveValue(tag);
  await expect(tickets.getByRole("listitem")).toHaveCount(2);

  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(tickets.getByRole("listitem").filter({ hasText: "Gate hinge" })).toBeVisible();
});

test("a ticket saved offline is marked as waiting until it reaches the server", async ({ page, context }) => {
  await signInAs(page, demoUsers.admin);
  await openTickets(page);
  const tickets = page.getByRole("list", { name: "Tickets" });

  await context.setOffline(true);
  await page.getByRole("button", { name: "New ticket" }).click();
  await page.getByLabel("Title").fill("Tap dripping in staff room");
  await page.getByRole("button", { name: "Save" }).click();
  const row = tickets.getByRole("listitem").filter({ hasText: "Tap dripping in staff room" });
  await expect(row).toContainText("Waiting to sync");
  await expect(tickets.getByRole("listitem").filter({ hasText: "Boiler pressure dropping" })).not.toContainText(
    "Waiting to sync",
  );

  await context.setOffline(false);
  await expect(page.getByRole("status")).toContainText("All changes synced");
  await expect(row).not.toContainText("Waiting to sync");
});
