import { expect, type Page, test } from "@playwright/test";
import { openSyncedTickets, signInAsDemoAdmin } from "../support/demo-admin.js";

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
  await signInAsDemoAdmin(page);
  await openSyncedTickets(page);
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
  await expect(page.getByRole("status")).toContainText("All changes synced", { timeout: 15_000 });
  await expect
    .poll(async () => ((await (await page.request.get(`/api/tickets/${ticketId}`)).json()) as { title: string }).title)
    .toBe("Drain needs a camera survey");
});
