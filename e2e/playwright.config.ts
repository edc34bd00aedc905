import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";

/** The port the app runs on for the browser tests, away from a developer's own npm start on 8787. */
// E2E_PORT lets two checkouts run their browser tests side by side.
export const e2ePort = Number(process.env.E2E_PORT ?? 8799);
const baseURL = `http://localhost:${e2ePort}`;

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  timeout: 60_000,
  // Reopening PGlite from IndexedDB after a reload, and a sync after the network returns, take a
  // few seconds on a phone or a busy CI machine: every wait allows for that, not only some.
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      // The machine's Chromium (Debian package): never a downloaded browser.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "node ../scripts/start.mjs",
    url: `${baseURL}/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(e2ePort),
      APP_BASE_URL: baseURL,
      DATA_DIR: mkdtempSync(join(tmpdir(), "worktrackr-e2e-")),
      LOG_LEVEL: "warn",
    },
  },
});
