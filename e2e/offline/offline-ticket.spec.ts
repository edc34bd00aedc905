import { expect, test } from "@playwright/test";
import { demoUsers, openTickets, signInAs } from "../support/demo-users.js";

interface TicketList {
  tickets: { title: string; description: string | null }[];
}

test("a ticket created offline survives a reload and reaches the server when the network returns", async ({
  page,
  context,
}) => {
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await signInAs(page, demoUsers.admin);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await openTickets(page);
  const status = page.getByRole("status");
  const tickets = page.getByRole("list", { name: "Tickets" });
  // Pulled from the server into the device's replica by the first sync.
  const seededTicket = tickets.getByRole("listitem").filter({ hasText: "Boiler pressure dropping in plant room" });
  await expect(seededTicket).toBeVisible();

  await context.setOffline(true);
  await expect(status).toHaveText("Offline");
  await page.getByRole("button", { name: "New ticket" }).click();
  await page.getByLabel("Title").fill("Offline leak");
  await page.getByLabel("Description").fill("Water under the sink in unit 4");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(tickets.getByRole("listitem").filter({ hasText: "Offline leak" })).toBeVisible();
  await expect(status).toContainText("1 change waiting");

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Tickets" })).toBeVisible();
  await expect(tickets.getByRole("listitem").filter({ hasText: "Offline leak" })).toBeVisible();
  await expect(status).toContainText("1 change waiting");
  // The replica itself persisted (IndexedDB), not only the outbox: server rows are there offline.
  await expect(seededTicket).toBeVisible();

  await context.setOffline(false);
  await expect(status).toContainText("All changes synced");
  await expect(tickets.getByRole("listitem").filter({ hasText: "Offline leak" })).toHaveCount(1);

  const stored = await page.request.get("/api/tickets?q=Offline%20leak");
  expect(stored.ok()).toBe(true);
  expect(((await stored.json()) as TicketList).tickets).toEqual([
    expect.objectContaining({ title: "Offline leak", description: "Water under the sink in unit 4" }),
  ]);
  expect(pageErrors).toEqual([]);
});

test("a ticket another device creates appears in the list without a reload", async ({ page, playwright, baseURL }) => {
  const liveSocket = page.waitForEvent("websocket", (socket) => socket.url().endsWith("/api/sync/live"));
  await signInAs(page, demoUsers.admin);
  await openTickets(page);
  const live = await liveSocket;

  // Another device of the same admin: its own session, writing through the REST API.
  const otherDevice = await playwright.request.newContext({
    ...(baseURL ? { baseURL } : {}),
    extraHTTPHeaders: baseURL ? { origin: new URL(baseURL).origin } : {},
  });
  try {
    const signedIn = await otherDevice.post("/api/auth/login", { data: demoUsers.admin });
    expect(signedIn.ok()).toBe(true);
    const poke = live.waitForEvent("framereceived", (frame) => String(frame.payload).includes('"poke"'));
    const created = await otherDevice.post("/api/tickets", { data: { title: "Burst pipe at the depot" } });
    expect(created.status()).toBe(201);
    await poke;
  } finally {
    await otherDevice.dispose();
  }

  await expect(
    page.getByRole("list", { name: "Tickets" }).getByRole("listitem").filter({ hasText: "Burst pipe at the depot" }),
  ).toBeVisible();
});
