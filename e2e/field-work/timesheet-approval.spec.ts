import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { demoUsers, serverRows, signInAs } from "../support/demo-users.js";

/** A Monday well before any week the other specs touch. */
const weekStart = "2026-03-02";

test("a manager approves a submitted timesheet, and its entries are approved with it", async ({
  page,
  playwright,
  baseURL,
}) => {
  // Sam's phone submits the week through the sync API, in the order the app sends it.
  const samPhone = await playwright.request.newContext({
    ...(baseURL ? { baseURL } : {}),
    extraHTTPHeaders: baseURL ? { origin: new URL(baseURL).origin } : {},
  });
  const sheetId = randomUUID();
  const entryId = randomUUID();
  try {
    expect((await samPhone.post("/api/auth/login", { data: demoUsers.sam })).ok()).toBe(true);
    const rows: [string, Record<string, unknown>][] = [
      ["timesheets", { id: sheetId, week_start: weekStart, status: "draft" }],
      [
        "time_entries",
        {
          id: entryId,
          timesheet_id: sheetId,
          started_at: "2026-03-03T08:00:00.000Z",
          ended_at: "2026-03-03T10:00:00.000Z",
        },
      ],
      ["timesheets", { id: sheetId, status: "submitted" }],
    ];
    const pushed = await samPhone.post("/api/sync/push", {
      data: {
        clientId: "e2e-sam-phone",
        protocolVersion: 1,
        mutations: rows.map(([table, row], i) => ({
          id: randomUUID(),
          table,
          op: "upsert",
          row,
          hlc: `${new Date(Date.now() - 60_000).toISOString()}-${String(i).padStart(4, "0")}-e2e-sam-phone`,
        })),
      },
    });
    expect(pushed.ok()).toBe(true);
    const { acks } = (await pushed.json()) as { acks: { status: string }[] };
    expect(acks.map((a) => a.status)).toEqual(["applied", "applied", "applied"]);
  } finally {
    await samPhone.dispose();
  }

  await signInAs(page, demoUsers.manager);
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Time" }).click();
  const toApprove = page.getByRole("list", { name: "Timesheets to approve" });
  const samsWeek = toApprove.getByRole("listitem", { name: /^Sam Carter, week of/ });
  await expect(samsWeek).toContainText("2 h 00 min");
  await samsWeek.getByRole("button", { name: "Approve" }).click();
  await expect(samsWeek).toHaveCount(0);

  // The decision is pushed a moment after the tap; the server's answer is what counts.
  await expect
    .poll(async () => (await serverRows(page, "timesheets")).find((s) => s.id === sheetId))
    .toMatchObject({ status: "approved", decided_by: expect.any(String) });
  const entry = (await serverRows(page, "time_entries")).find((e) => e.id === entryId);
  expect(entry).toMatchObject({ approval_status: "approved" });
});
