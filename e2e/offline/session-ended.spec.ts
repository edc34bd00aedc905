import { expect, test } from "@playwright/test";
import { demoUsers, serverRows, signInAs } from "../support/demo-users.js";

test("a session revoked while offline asks for a login, and the writes made meanwhile reach the server after it", async ({
  page,
  context,
  playwright,
  baseURL,
}) => {
  const title = `Written while revoked ${Date.now()}`;
  await signInAs(page, demoUsers.admin);
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Tickets" }).click();

  await context.setOffline(true);
  await page.getByRole("button", { name: "New ticket" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("1 change waiting");

  // Meanwhile the admin ends every one of their sessions from another device.
  const other = await playwright.request.newContext({
    ...(baseURL ? { baseURL } : {}),
    extraHTTPHeaders: baseURL ? { origin: new URL(baseURL).origin } : {},
  });
  expect((await other.post("/api/auth/login", { data: demoUsers.admin })).ok()).toBe(true);
  expect((await other.post("/api/auth/logout-all")).ok()).toBe(true);
  await other.dispose();

  await context.setOffline(false);
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible({});

  await signInAs(page, demoUsers.admin);
  await expect.poll(async () => (await serverRows(page, "tickets")).some((t) => t.title === title)).toBe(true);
});

test("signing out with no signal wipes the device at once and ends the session when the network returns", async ({
  page,
  context,
}) => {
  await signInAs(page, demoUsers.admin);
  await context.setOffline(true);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect
    .poll(async () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? "")))
    .toEqual([]);

  // The cookie is still there, but this device stays signed out.
  await page.reload();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();

  await context.setOffline(false);
  await expect.poll(async () => (await page.request.get("/api/auth/session")).status()).toBe(401);
});
