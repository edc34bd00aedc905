import { expect, test } from "@playwright/test";

test("the app shell loads and /health is ok", async ({ page, request }) => {
  const health = await request.get("/health");
  expect(health.status()).toBe(200);
  expect(await health.text()).toBe("ok");

  await page.goto("/");
  await expect(page.getByRole("banner")).toContainText("WorkTrackr");
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Tickets" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Online");
});

test("the manifest is linked and names the app with its icons", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBeTruthy();
  const manifest = (await (await request.get(href ?? "")).json()) as {
    name: string;
    display: string;
    icons: { sizes: string; purpose?: string }[];
  };
  expect(manifest.name).toBe("WorkTrackr");
  expect(manifest.display).toBe("standalone");
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  expect(manifest.icons.some((i) => i.purpose === "maskable")).toBe(true);
});

test("the app opens from the service worker with the network off", async ({ page, context }) => {
  await page.goto("/");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("banner")).toContainText("WorkTrackr");
  await expect(page.getByRole("status")).toHaveText("Offline");
  await page.goto("/tickets");
  await expect(page.getByRole("heading", { level: 1, name: "Tickets" })).toBeVisible();
  await context.setOffline(false);
});

test("signing in with a demo login shows the user", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("admin@demo.example.com");
  await page.getByLabel("Password").fill("demo-admin-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("Alex Morgan");
});
