import { expect, type Page } from "@playwright/test";

/** The seeded demo organisation's admin (README: demo logins). */
export const demoAdmin = { email: "admin@demo.example.com", password: "demo-admin-2026" } as const;

/** Signs in through the login screen, as a person would. */
export async function signInAsDemoAdmin(page: Page): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(demoAdmin.email);
  await page.getByLabel("Password").fill(demoAdmin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
}

/** Opens the Tickets screen and waits for the device's first sync with the server. */
export async function openSyncedTickets(page: Page): Promise<void> {
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Tickets" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tickets" })).toBeVisible();
  // The first open downloads PGlite and pulls the organisation from cursor 0.
  await expect(page.getByRole("status")).toContainText("All changes synced", { timeout: 30_000 });
}
