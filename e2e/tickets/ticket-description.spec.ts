import { expect, type Page, test } from "@playwright/test";
import { createTicket, demoUsers, openTickets, signInAs, storedTicket } from "../support/demo-users.js";

test("a description typed by one person appears for another without a reload, and reaches the ticket", async ({
  page,
  browser,
}) => {
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  const title = `Noisy extractor fan ${Date.now()}`;
  const openTicket = async (who: Page) => {
    await openTickets(who);
    await who.getByRole("list", { name: "Tickets" }).getByRole("link", { name: title }).click();
    await expect(who.getByLabel("Description")).toHaveValue("Kitchen fan rattles.");
    await expect(who.getByText("Saved and shared as you type.")).toBeVisible();
  };
  // Both people open the ticket side by side, as two devices would.
  await Promise.all([signInAs(page, demoUsers.admin), signInAs(manager, demoUsers.manager)]);
  const id = await createTicket(page, { title, description: "Kitchen fan rattles." });
  await Promise.all([openTicket(page), openTicket(manager)]);
  const description = page.getByLabel("Description");
  const managerDescription = manager.getByLabel("Description");

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

test("description edits made offline survive a reload and reach the ticket when the network returns", async ({
  page,
  context,
}) => {
  await signInAs(page, demoUsers.admin);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const title = `Leaking gutter ${Date.now()}`;
  const id = await createTicket(page, { title, description: "Front elevation." });
  await openTickets(page);
  await page.getByRole("list", { name: "Tickets" }).getByRole("link", { name: title }).click();
  const description = page.getByLabel("Description");
  await expect(page.getByText("Saved and shared as you type.")).toBeVisible();

  await context.setOffline(true);
  await expect(page.getByText("Offline: your edits are kept on this device")).toBeVisible();
  await description.click();
  await description.press("End");
  await description.pressSequentially(" Downpipe cracked.");
  await page.reload();
  await expect(page.getByLabel("Description")).toHaveValue("Front elevation. Downpipe cracked.");
  expect((await storedTicket(page, id)).description).toBe("Front elevation.");

  await context.setOffline(false);
  await expect(page.getByText("Saved and shared as you type.")).toBeVisible();
  await expect.poll(async () => (await storedTicket(page, id)).description).toBe("Front elevation. Downpipe cracked.");
});
