import { expect, test } from "@playwright/test";
import { newOwner, registerThroughApi } from "../support/new-organisation.js";

test("the only admin can neither demote nor remove themself, and is told why", async ({ page }) => {
  const owner = newOwner("Lone Admin");
  await registerThroughApi(page, owner);
  await page.goto("/team");
  const members = page.getByRole("list", { name: "Members" });

  await members.getByLabel(`Role of ${owner.name}`).selectOption("staff");
  await expect(members.getByRole("alert")).toHaveText(
    "An organisation needs at least one active admin. Make someone else an admin first.",
  );
  await expect(members.getByLabel(`Role of ${owner.name}`)).toHaveValue("admin");

  await members.getByRole("button", { name: `Remove ${owner.name}` }).click();
  await members.getByRole("button", { name: `Yes, remove ${owner.name}` }).click();
  await expect(members.getByRole("alert")).toContainText("needs at least one active admin");
  const session = (await (await page.request.get("/api/auth/session")).json()) as { role: string };
  expect(session.role).toBe("admin");
});

test("inviting beyond the seats paid for says so and leads the admin to add a seat", async ({ page }) => {
  const owner = { ...newOwner("Solo Trader"), plan: "individual" } as const;
  await registerThroughApi(page, owner);
  await page.goto("/team");
  await page.getByLabel("Email").fill(owner.email.replace("owner-", "helper-"));
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("alert")).toContainText("All 1 seats are in use");
  await page.getByRole("link", { name: "Add a seat in Plan & billing" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Plan & billing" })).toBeVisible();
  const { members } = (await (await page.request.get("/api/user/members")).json()) as { members: unknown[] };
  expect(members).toHaveLength(1);
});
