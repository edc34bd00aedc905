import { expect, test } from "@playwright/test";
import { latestEmailTo, linkIn } from "../support/mailbox.js";
import { newOwner, registerThroughApi, signOutThroughApi } from "../support/new-organisation.js";

test("a forgotten password is reset from the emailed link, which works only once", async ({ page }) => {
  const owner = newOwner("Forgetful");
  const newPassword = "brand-new-secret-2026";
  await registerThroughApi(page, owner);
  await signOutThroughApi(page);

  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.getByLabel("Email").fill(owner.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(/a link to reset its password is on its way/)).toBeVisible();

  const resetLink = linkIn(await latestEmailTo(page, owner.email, /Reset your/), "/reset-password");
  await page.goto(resetLink);
  await page.getByLabel("New password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Your password was changed. Sign in with the new one.")).toBeVisible();

  await page.getByRole("link", { name: "Sign in", exact: true }).last().click();
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(newPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();

  await signOutThroughApi(page);
  await page.goto(resetLink);
  await page.getByLabel("New password").fill("yet-another-secret-2026");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "This reset link has expired or was already used. Ask for a new one.",
  );
});
