import { expect, test } from "@playwright/test";
import { demoUsers, openTickets, signInAs } from "../support/demo-users.js";

test("signing out ends the session and wipes the device's copy of the user's data", async ({ page }) => {
  await signInAs(page, demoUsers.admin);
  await openTickets(page);
  const before = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ""));
  expect(before.some((name) => name.includes("worktrackr-outbox-"))).toBe(true);
  expect(before.some((name) => /worktrackr-[0-9a-f-]{36}-[0-9a-f-]{36}/.test(name))).toBe(true);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect
    .poll(async () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? "")))
    .toEqual([]);
  expect((await page.request.get("/api/auth/session")).status()).toBe(401);
});
