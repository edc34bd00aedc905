import { expect, type Page } from "@playwright/test";

/** The seeded demo organisation's people (README: demo logins). */
export const demoUsers = {
  admin: { email: "admin@demo.example.com", password: "demo-admin-2026" },
  manager: { email: "manager@demo.example.com", password: "demo-manager-2026" },
  sam: { email: "sam@demo.example.com", password: "demo-crew-2026" },
  jo: { email: "jo@demo.example.com", password: "demo-crew-2026" },
} as const;

export type DemoUser = (typeof demoUsers)[keyof typeof demoUsers];

/**
 * Signs in through the login screen, as a person would, and waits until the device holds the
 * organisation (first sync done) and the service worker controls the page, so the app also opens
 * with no network from here on.
 */
export async function signInAs(page: Page, user: DemoUser): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // The first open downloads PGlite and pulls the organisation from cursor 0.
  await expect(page.getByRole("status")).toContainText("All changes synced", { timeout: 30_000 });
}

/** Opens the Tickets screen from the sections, and waits for the list. */
export async function openTickets(page: Page): Promise<void> {
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Tickets" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tickets" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("All changes synced", { timeout: 30_000 });
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

type ServerRow = Record<string, unknown> & { id: string };
type PulledChange = { op: "upsert"; table: string; row: ServerRow } | { op: "delete"; table: string; id: string };

/** What the server holds of a table for the page's signed-in user, read through the sync API. */
export async function serverRows(page: Page, table: string): Promise<ServerRow[]> {
  const rows = new Map<string, ServerRow>();
  let cursor = 0;
  for (;;) {
    const response = await page.request.get(`/api/sync/pull?cursor=${cursor}&limit=5000`);
    expect(response.ok()).toBe(true);
    const pulled = (await response.json()) as { changes: PulledChange[]; cursor: number; more: boolean };
    for (const change of pulled.changes) {
      if (change.table !== table) continue;
      if (change.op === "upsert") rows.set(change.row.id, change.row);
      else rows.delete(change.id);
    }
    cursor = pulled.cursor;
    if (!pulled.more) return [...rows.values()];
  }
}
