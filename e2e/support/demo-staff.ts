import { expect, type Page } from "@playwright/test";

/** Seeded demo logins (README: demo logins). */
export const demoStaff = { email: "sam@demo.example.com", password: "demo-crew-2026" } as const;
export const demoManager = { email: "manager@demo.example.com", password: "demo-manager-2026" } as const;

/**
 * Signs a demo user in through the login screen and waits until the device holds the organisation
 * (first sync done) and the service worker controls the page, so the app still loads with no network.
 */
export async function signInAsDemo(page: Page, login: { email: string; password: string }): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(login.email);
  await page.getByLabel("Password").fill(login.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // The first open downloads PGlite and pulls the organisation from cursor 0.
  await expect(page.getByRole("status")).toContainText("All changes synced", { timeout: 30_000 });
}

/** Sam, the crew member the field-work specs work as. */
export const signInAsDemoStaff = (page: Page) => signInAsDemo(page, demoStaff);

type ServerRow = Record<string, unknown> & { id: string };

/** What the server now holds for the signed-in user in a table, read through the sync pull. */
export async function serverRows(page: Page, table: string): Promise<ServerRow[]> {
  const response = await page.request.get("/api/sync/pull?cursor=0&limit=5000");
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as {
    changes: ({ op: "upsert"; table: string; row: ServerRow } | { op: "delete"; table: string; id: string })[];
  };
  const rows = new Map<string, ServerRow>();
  for (const change of body.changes) {
    if (change.table !== table) continue;
    if (change.op === "upsert") rows.set(change.row.id, change.row);
    else rows.delete(change.id);
  }
  return [...rows.values()];
}
