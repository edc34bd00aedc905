import { expect, type Page } from "@playwright/test";

/** The seeded demo organisation's people (README: demo logins). */
export const demoUsers = {
  admin: { email: "admin@demo.example.com", password: "demo-admin-2026" },
  manager: { email: "manager@demo.example.com", password: "demo-manager-2026" },
  sam: { email: "sam@demo.example.com", password: "demo-crew-2026" },
} as const;

/** Signs in through the login screen, as a person would. */
export async function signIn(page: Page, user: keyof typeof demoUsers): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(demoUsers[user].email);
  await page.getByLabel("Password").fill(demoUsers[user].password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
}

/** Creates a ticket on the server from the app's own page (the API refuses cookie writes from elsewhere). */
export async function createTicket(page: Page, fields: Record<string, unknown>): Promise<string> {
  const created = await page.evaluate(async (body) => {
    const res = await fetch("/api/tickets", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as { id: string } };
  }, fields);
  expect(created.status).toBe(201);
  return created.json.id;
}

/** A ticket as the server stores it. */
export async function storedTicket(page: Page, id: string): Promise<Record<string, unknown>> {
  const res = await page.request.get(`/api/tickets/${id}`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as Record<string, unknown>;
}

/** Opens the Tickets screen and waits for the device to be in step with the server. */
export async function openTickets(page: Page): Promise<void> {
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Tickets" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tickets" })).toBeVisible();
  // The first open downloads PGlite and pulls the organisation from cursor 0.
  await expect(page.getByRole("status")).toContainText("All changes synced", { timeout: 20_000 });
}
