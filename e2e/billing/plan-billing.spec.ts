import { expect, test } from "@playwright/test";

test("an admin sees the plan and the seats used of those paid for", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("admin@demo.example.com");
  await page.getByLabel("Password").fill("demo-admin-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();

  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "plan and billing" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Plan & billing" })).toBeVisible();
  await expect(page.getByText("Pro", { exact: true })).toBeVisible();
  await expect(page.getByText("4 of 10 used")).toBeVisible();
  await expect(page.getByText(/Billing is not configured on this server/)).toBeVisible();

  const server = await (await page.request.get("/api/billing/subscription")).json();
  expect(server).toMatchObject({ plan: "pro", seats: { used: 4, paid: 10 } });
});
