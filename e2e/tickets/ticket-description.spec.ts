import { expect, test } from "@playwright/test";
import { createTicket, openTickets, signIn, storedTicket } from "./demo-users.js";

test("a description typed by one person appears for another without a reload, and reaches the ticket", async ({
  page,
  browser,
}) => {
  await signIn(page, "admin");
  const title = `Noisy extractor fan ${Date.now()}`;
  const id = await createTicket(page, { title, description: "Kitchen fan rattles." });
  await openTickets(page);
  await page.getByRole("list", { name: "Tickets" }).getByRole("link", { name: title }).click();
  const description = page.getByLabel("Description");
  await expect(description).toHaveValue("Kitchen fan rattles.");
  await expect(page.getByText("Saved and shared as you type.")).toBeVisible();

  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signIn(manager, "manager");
  await openTickets(manager);
  await manager.getByRole("list", { name: "Tickets" }).getByRole("link", { name: title }).click();
  const managerDescription = manager.getByLabel("Description");
  await expect(managerDescription).toHaveValue("Kitchen fan rattles.");
  await expect(manager.getByText("Saved and shared as you type.")).toBeVisible();

  await description.click();
  await description.press("End");
  await description.pressSequentially(" Bearing worn.");
  await expect(managerDescription).toHaveValue("Kitchen fan rattles. Bearing worn.");

  await managerDescription.click();
  await managerDescription.press("ControlOrMeta+Home");
  await managerDescription.pressSequentially("Urgent: ");
  await expect(description).toHaveValue("Urgent: Kitchen fan rattles. Bearing worn.");

  // The server writes the merged text back to the ticket for search, reports and REST.
  await expect
    .poll(async () => (await storedTicket(page, id)).description)
    .toBe("Urgent: Kitchen fan rattles. Bearing worn.");
  await managerContext.close();
});
