import { expect, type Page, test } from "@playwright/test";
import { demoUsers, serverRows, signInAs } from "../support/demo-users.js";

/** A camera-sized photo (2400×1800), drawn in the page so the test needs no image files. */
async function cameraPhoto(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = 2400;
    canvas.height = 1800;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2d context");
    const gradient = context.createLinearGradient(0, 0, 2400, 1800);
    gradient.addColorStop(0, "#0ea5e9");
    gradient.addColorStop(1, "#f59e0b");
    context.fillStyle = gradient;
    context.fillRect(0, 0, 2400, 1800);
    return canvas.toDataURL("image/png");
  });
  return Buffer.from(dataUrl.split(",")[1] ?? "", "base64");
}

// A field day end to end: two browsers, PGlite opened three times, a photo resized and uploaded.
test.describe.configure({ timeout: 150_000 });

test("a ticket, a timer and a photo recorded offline survive a reload, reach the server and show on a teammate's device", async ({
  page,
  context,
  browser,
}) => {
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  const title = `Basement leak ${Date.now()}`;

  // The office, on another device, watching the ticket list.
  const office = await browser.newContext();
  const officePage = await office.newPage();
  await signInAs(officePage, demoUsers.manager);
  await officePage.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Tickets" }).click();

  await signInAs(page, demoUsers.admin);
  const photo = await cameraPhoto(page);
  const status = page.getByRole("status");

  // No signal: the app opens from the service worker, on the device's own data.
  await context.setOffline(true);
  await page.reload();
  await expect(status).toHaveText("Offline");
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Tickets" }).click();
  await page.getByRole("button", { name: "New ticket" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByRole("link", { name: title }).click();

  await page.getByRole("button", { name: "Start timer" }).click();
  await expect(page.getByRole("timer")).toContainText("0:00:0");
  await page.waitForTimeout(1100);
  await page.getByRole("button", { name: "Stop timer" }).click();
  await expect(page.getByRole("button", { name: "Start timer" })).toBeVisible();

  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Add photo" }).click();
  await (await chooser).setFiles({ name: "leak.png", mimeType: "image/png", buffer: photo });
  const photos = page.getByRole("list", { name: "Photos" });
  await expect(photos.getByRole("listitem")).toHaveCount(1);
  await expect(photos).toContainText("Waiting to upload");
  await expect(photos.getByRole("img", { name: "leak.jpg" })).toBeVisible();
  await expect(status).toContainText("waiting");

  // Closing and reopening with no signal loses nothing.
  await page.reload();
  await expect(status).toContainText("waiting");
  await expect(page.getByRole("button", { name: "Start timer" })).toBeVisible();
  await expect(photos).toContainText("Waiting to upload");
  await expect(photos.getByRole("img", { name: "leak.jpg" })).toHaveJSProperty("complete", true);

  // Back in the van.
  await context.setOffline(false);
  await expect(status).toContainText("All changes synced", { timeout: 20_000 });
  await expect(photos).not.toContainText("Waiting to upload");

  const [ticket] = (await serverRows(page, "tickets")).filter((t) => t.title === title);
  expect(ticket).toBeDefined();
  const entries = (await serverRows(page, "time_entries")).filter((e) => e.ticket_id === ticket?.id);
  expect(entries).toEqual([expect.objectContaining({ ended_at: expect.any(String) })]);
  expect(Number(entries[0]?.duration_seconds)).toBeGreaterThanOrEqual(1);
  const attachments = (await serverRows(page, "attachments")).filter((a) => a.ticket_id === ticket?.id);
  expect(attachments).toEqual([expect.objectContaining({ filename: "leak.jpg", mime_type: "image/jpeg" })]);

  // The bytes themselves reached the server: resized on the phone to 1600 px, as JPEG.
  const stored = await page.request.get(String(attachments[0]?.file_url));
  expect(stored.status()).toBe(200);
  expect(stored.headers()["content-type"]).toBe("image/jpeg");
  const bytes = await stored.body();
  expect(bytes.length).toBe(Number(attachments[0]?.size_bytes));
  expect(bytes.length).toBeLessThan(photo.length);
  const width = await page.evaluate(
    async (url) => (await createImageBitmap(await (await fetch(url)).blob())).width,
    String(attachments[0]?.file_url),
  );
  expect(width).toBe(1600);

  // The office sees it without touching anything.
  await expect(officePage.getByRole("link", { name: title })).toBeVisible({});
  await office.close();
  expect(pageErrors).toEqual([]);
});

test("the service worker sends what was recorded offline after the app was closed (Background Sync)", async ({
  page,
  context,
}) => {
  const title = `Recorded then closed ${Date.now()}`;
  await signInAs(page, demoUsers.admin);
  await context.setOffline(true);
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Tickets" }).click();
  await page.getByRole("button", { name: "New ticket" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("1 change waiting");

  // The app is closed: only a page outside the app (no app code runs on it) stays to talk to the browser.
  const bystander = await context.newPage();
  await page.close();
  await context.setOffline(false);
  await bystander.goto("/health");
  const cdp = await context.newCDPSession(bystander);
  const registration = new Promise<string>((resolve) =>
    cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
      const found = registrations.find((r) => r.scopeURL.endsWith("/") && !r.isDeleted);
      if (found) resolve(found.registrationId);
    }),
  );
  await cdp.send("ServiceWorker.enable");
  const origin = new URL(bystander.url()).origin;
  await cdp.send("ServiceWorker.dispatchSyncEvent", {
    origin,
    registrationId: await registration,
    tag: "worktrackr-outbox",
    lastChance: false,
  });

  await expect.poll(async () => (await serverRows(bystander, "tickets")).some((t) => t.title === title)).toBe(true);

  // Opening the app again: nothing waiting, the ticket there once.
  const reopened = await context.newPage();
  await reopened.goto("/tickets");
  await expect(reopened.getByRole("status")).toContainText("All changes synced", { timeout: 30_000 });
  await expect(reopened.getByRole("link", { name: title })).toHaveCount(1);
});
