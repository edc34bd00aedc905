import { expect, type Page, test } from "@playwright/test";
import { createTicket, demoUsers, openTickets, signInAs, storedTicket } from "../support/demo-users.js";

/** A request from the app's own page, as its fetch makes it (the API refuses cookie writes from elsewhere). */
function sameOriginJson<T>(
  page: Page,
  method: string,
  path: string,
  body: unknown,
): Promise<{ status: number; json: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(path, {
        method,
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as T };
    },
    { method, path, body },
  );
}

test("the loser of a concurrent edit sees both values in the conflict inbox and can put theirs back", async ({
  page,
  browser,
}) => {
  await signInAs(page, demoUsers.admin);
  await openTickets(page);
  const list = (await (await page.request.get("/api/tickets?q=Blocked%20drain")).json()) as {
    tickets: { id: string }[];
  };
  const ticketId = list.tickets[0]?.id ?? "";
  expect(ticketId).not.toBe("");

  // The manager renames it now, from their own browser.
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await manager.goto("/login");
  await manager.getByLabel("Email").fill("manager@demo.example.com");
  await manager.getByLabel("Password").fill("demo-manager-2026");
  await manager.getByRole("button", { name: "Sign in" }).click();
  await expect(manager.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  const renamed = await sameOriginJson(manager, "PUT", `/api/tickets/${ticketId}`, {
    title: "Drain cleared by jetting",
  });
  expect(renamed.status).toBe(200);
  await managerContext.close();

  // The admin's phone had renamed it offline an hour earlier and only now syncs that edit.
  const earlier = new Date(Date.now() - 3_600_000).toISOString();
  const pushed = await sameOriginJson<{ acks: { status: string }[] }>(page, "POST", "/api/sync/push", {
    clientId: "admin-phone",
    protocolVersion: 1,
    mutations: [
      {
        id: crypto.randomUUID(),
        table: "tickets",
        op: "upsert",
        row: { id: ticketId, title: "Drain needs a camera survey" },
        hlc: `${earlier}-0000-admin-phone`,
      },
    ],
  });
  expect(pushed.json.acks[0]?.status).toBe("merged");

  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Conflicts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Conflict inbox" })).toBeVisible();
  const item = page.getByRole("listitem").filter({ hasText: "tickets · title" });
  await expect(item).toContainText("Your value");
  await expect(item).toContainText("Drain needs a camera survey");
  await expect(item).toContainText("Kept");
  await expect(item).toContainText("Drain cleared by jetting");

  await item.getByRole("button", { name: "Use my value" }).click();
  await expect(page.getByRole("status")).toContainText("All changes synced");
  await expect
    .poll(async () => ((await (await page.request.get(`/api/tickets/${ticketId}`)).json()) as { title: string }).title)
    .toBe("Drain needs a camera survey");
});

test("two devices change the same field offline: after both sync, the loser's inbox shows both values", async ({
  page,
  browser,
}) => {
  await signInAs(page, demoUsers.admin);
  const ticketId = await createTicket(page, { title: `Pump noise ${Date.now()}`, priority: "medium" });
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signInAs(manager, demoUsers.manager);

  for (const device of [page, manager]) {
    await device.goto(`/tickets/${ticketId}`);
    await expect(device.getByLabel("Priority")).toHaveValue("medium", { timeout: 30_000 });
    await device.context().setOffline(true);
  }
  // In the basement the admin raises it to High; a minute later the manager, also offline, to Urgent.
  await page.getByLabel("Priority").selectOption("high");
  await expect(page.getByRole("status")).toContainText("1 change waiting");
  await manager.getByLabel("Priority").selectOption("urgent");
  await expect(manager.getByRole("status")).toContainText("1 change waiting");

  await managerContext.setOffline(false);
  await expect(manager.getByRole("status")).toContainText("All changes synced", { timeout: 20_000 });
  await page.context().setOffline(false);
  await expect(page.getByRole("status")).toContainText("All changes synced", { timeout: 20_000 });
  await managerContext.close();

  // The later edit stands everywhere, and the admin is told theirs lost rather than it vanishing.
  await expect(page.getByLabel("Priority")).toHaveValue("urgent");
  expect((await storedTicket(page, ticketId)).priority).toBe("urgent");
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Conflicts" }).click();
  const item = page.getByRole("listitem").filter({ hasText: "tickets · priority" });
  await expect(item).toContainText("Your value");
  await expect(item).toContainText("high");
  await expect(item).toContainText("Kept");
  await expect(item).toContainText("urgent");
});
