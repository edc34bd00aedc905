import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { demoUsers, signInAs } from "../support/demo-users.js";

/** The service worker the e2e server serves (scripts/start.mjs serves client/dist). */
const builtServiceWorker = fileURLToPath(new URL("../../client/dist/sw.js", import.meta.url));

test("a new version waits for the user's say-so: a half-typed ticket is never lost to a silent reload", async ({
  page,
}) => {
  await signInAs(page, demoUsers.admin);
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Tickets" }).click();
  await page.getByRole("button", { name: "New ticket" }).click();
  await page.getByLabel("Title").fill("Half-typed when the update came");

  // A deploy: the server now serves a service worker that differs by a byte. (Playwright cannot
  // route the browser's own service-worker update check, so the built file itself changes.)
  const original = readFileSync(builtServiceWorker, "utf8");
  writeFileSync(builtServiceWorker, `${original}\n// next build\n`);
  try {
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

    const prompt = page.getByRole("alert").filter({ hasText: "A new version is ready." });
    await expect(prompt).toBeVisible({});
    await page.waitForTimeout(1000);
    await expect(page.getByLabel("Title")).toHaveValue("Half-typed when the update came");

    const reloaded = page.waitForEvent("load");
    await prompt.getByRole("button", { name: "Reload" }).click();
    await reloaded;
    await expect(page.getByRole("heading", { level: 1, name: "Tickets" })).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "A new version is ready." })).toHaveCount(0);
  } finally {
    writeFileSync(builtServiceWorker, original);
  }
});
