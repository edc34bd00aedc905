import { expect, test } from "@playwright/test";
import { openTickets } from "../support/demo-users.js";
import { latestEmailTo, linkIn } from "../support/mailbox.js";
import { newOwner } from "../support/new-organisation.js";

test("a new organisation's admin invites a teammate, who joins and sees the admin's ticket", async ({
  page,
  browser,
}) => {
  const owner = newOwner("Acme Plumbing");
  const mateEmail = owner.email.replace("owner-", "mate-");
  const ticketTitle = "Leaking valve in the plant room";

  await page.goto("/login");
  await page.getByRole("link", { name: "Create an organisation" }).click();
  await page.getByLabel("Organisation name").fill(owner.organisationName);
  await page.getByLabel("Your name").fill(owner.name);
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();

  await openTickets(page);
  await page.getByRole("button", { name: "New ticket" }).click();
  await page.getByLabel("Title").fill(ticketTitle);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("list", { name: "Tickets" }).getByText(ticketTitle)).toBeVisible();
  await expect(page.getByRole("status")).toContainText("All changes synced");

  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Team" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
  await page.getByLabel("Email").fill(mateEmail);
  await page.getByLabel("Role", { exact: true }).selectOption("manager");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("list", { name: "Pending invitations" })).toContainText(mateEmail);

  const invitation = await latestEmailTo(page, mateEmail, /invited you/);
  const mateContext = await browser.newContext();
  try {
    const mate = await mateContext.newPage();
    await mate.goto(linkIn(invitation, "/accept-invitation"));
    await mate.getByLabel("Your name").fill("Max Mate");
    await mate.getByLabel("Password").fill("wrenches-and-washers-2026");
    await mate.getByRole("button", { name: "Accept invitation" }).click();
    await expect(mate.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
    await openTickets(mate);
    await expect(mate.getByRole("list", { name: "Tickets" }).getByText(ticketTitle)).toBeVisible();
  } finally {
    await mateContext.close();
  }

  await page.reload();
  await expect(page.getByRole("list", { name: "Members" })).toContainText("Max Mate");
  const { members } = (await (await page.request.get("/api/user/members")).json()) as {
    members: { email: string; role: string; status: string }[];
  };
  expect(members.find((m) => m.email === mateEmail)).toMatchObject({ role: "manager", status: "active" });
});
