import { expect, type Page } from "@playwright/test";

/** The seeded demo organisation's people (README: demo logins). */
export const demoUsers = {
  admin: { email: "admin@demo.example.com", password: "demo-admin-2026" },
  manager: { email: "manager@demo.example.com", password: "demo-manager-2026" },
  sam: { email: "sam@demo.example.com", password: "demo-crew-2026" },
  jo: { email: "jo@demo.example.com", password: "demo-crew-2026" },
} as const;

export type DemoUser = (typeof demoUsers)[keyof typeof demoUsers];

/** Signs in through the login screen, as a person would, and waits for the first sync. */
export async function signInAs(page: Page, user: DemoUser): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("All changes synced", { timeout: 30_000 });
}

/** The service worker controls the page, so the app opens with the network off. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

interface PulledChange {
  table: string;
  op: "upsert" | "delete";
  row?: Record<string, unknown>;
}

/** What the server holds of a table for the page's signed-in user, read through the sync API. */
export async function serverRows(page: Page, table: string): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  let cursor = 0;
  for (;;) {
    const response = await page.request.get(`/api/sync/pull?cursor=${cursor}&limit=5000`);
    expect(response.ok()).toBe(true);
    const page_ = (await response.json()) as { changes: PulledChange[]; cursor: number; more: boolean };
    for (const change of page_.changes) if (change.table === table && change.row) rows.push(change.row);
    cursor = page_.cursor;
    if (!page_.more) return rows;
  }
}
