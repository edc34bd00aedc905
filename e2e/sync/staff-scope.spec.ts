import { expect, test } from "@playwright/test";
import { demoUsers, signInAs } from "../support/demo-users.js";

interface Ticket {
  title: string;
  assignee_id: string | null;
}

test("a crew member's device never holds tickets not assigned to them, even offline", async ({
  page,
  context,
  playwright,
  baseURL,
}) => {
  // What the office sees: every ticket, through the admin's REST API on another device.
  const office = await playwright.request.newContext({
    ...(baseURL ? { baseURL } : {}),
    extraHTTPHeaders: baseURL ? { origin: new URL(baseURL).origin } : {},
  });
  expect((await office.post("/api/auth/login", { data: demoUsers.admin })).ok()).toBe(true);
  const all = ((await (await office.get("/api/tickets?limit=200")).json()) as { tickets: Ticket[] }).tickets;
  await office.dispose();

  await signInAs(page, demoUsers.sam);
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user: { id: string } };
  const mine = all.filter((t) => t.assignee_id === session.user.id).map((t) => t.title);
  const others = all.filter((t) => t.assignee_id !== session.user.id).map((t) => t.title);
  expect(mine.length).toBeGreaterThan(0);
  expect(others.length).toBeGreaterThan(0);

  const showsExactlyMine = async () => {
    const list = page.getByRole("list", { name: "Tickets" });
    // Opening PGlite from IndexedDB takes a few seconds on a slow phone (or a busy CI machine).
    await expect(list).toBeVisible({ timeout: 30_000 });
    for (const title of mine) await expect(list.getByText(title, { exact: true })).toBeVisible();
    await expect(list.getByRole("listitem")).toHaveCount(mine.length);
    for (const title of others) await expect(page.getByText(title, { exact: true })).toHaveCount(0);
  };

  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Tickets" }).click();
  await showsExactlyMine();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("status")).toHaveText("Offline");
  await showsExactlyMine();
  await context.setOffline(false);
});
