import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";

test("Chromium finds the app installable: manifest, icons, service worker with a fetch handler", async ({
  playwright,
  baseURL,
}, testInfo) => {
  // Test contexts are incognito, where Chromium never offers to install: a real profile is needed.
  const profile = mkdtempSync(join(tmpdir(), "worktrackr-profile-"));
  const context = await playwright.chromium.launchPersistentContext(profile, {
    ...testInfo.project.use.launchOptions,
    ...(baseURL ? { baseURL } : {}),
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto("/");
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const cdp = await context.newCDPSession(page);

    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    expect(installabilityErrors).toEqual([]);

    const { errors, data } = await cdp.send("Page.getAppManifest");
    expect(errors).toEqual([]);
    const manifest = JSON.parse(data ?? "{}") as { start_url: string; display: string; theme_color: string };
    expect(manifest).toMatchObject({ start_url: "/", display: "standalone" });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
