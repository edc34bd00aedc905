import { expect, type Page, test } from "@playwright/test";
import { latestEmailTo } from "../support/mailbox.js";
import { newOwner, registerThroughApi, signOutThroughApi } from "../support/new-organisation.js";
import { totpCode } from "../support/totp.js";

async function enterPassword(page: Page, owner: ReturnType<typeof newOwner>) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Two-factor sign-in" })).toBeVisible();
}

async function sessionUser(page: Page): Promise<{ mfaEnabled: boolean; mfaMethod: string }> {
  const session = (await (await page.request.get("/api/auth/session")).json()) as {
    user: { mfaEnabled: boolean; mfaMethod: string };
  };
  return session.user;
}

test("with emailed codes on, signing in needs the code just emailed, and a wrong one is refused", async ({ page }) => {
  const owner = newOwner("Email Codes");
  await registerThroughApi(page, owner);
  await page.goto("/settings");
  const twoFactor = page.getByRole("region", { name: "Two-factor sign-in" });
  await twoFactor.getByRole("button", { name: "Use emailed codes" }).click();
  await twoFactor.getByLabel("Current password").fill(owner.password);
  await twoFactor.getByRole("button", { name: "Turn on emailed codes" }).click();
  await expect(twoFactor.getByText("On: you sign in with a code we email")).toBeVisible();
  await signOutThroughApi(page);

  await enterPassword(page, owner);
  await page.getByLabel("Code").fill("000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert")).toHaveText("That code is not right.");

  const email = await latestEmailTo(page, owner.email, /sign-in code/);
  const code = email.subject.match(/(\d{6})$/)?.[1] ?? "";
  await page.getByLabel("Code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  expect(await sessionUser(page)).toMatchObject({ mfaEnabled: true, mfaMethod: "email" });
});

test("an authenticator app set up in Settings guards sign-in, and a backup code gets in once", async ({ page }) => {
  const owner = newOwner("Authenticator");
  await registerThroughApi(page, owner);
  await page.goto("/settings");
  const twoFactor = page.getByRole("region", { name: "Two-factor sign-in" });
  await twoFactor.getByRole("button", { name: "Set up an authenticator app" }).click();
  await twoFactor.getByLabel("Current password").fill(owner.password);
  await twoFactor.getByRole("button", { name: "Continue" }).click();
  const secret = await twoFactor.getByTestId("totp-secret").textContent();
  await twoFactor.getByLabel("Code from the app").fill(totpCode(secret ?? ""));
  await twoFactor.getByRole("button", { name: "Turn on" }).click();
  const backupCodes = twoFactor.getByRole("list", { name: "Backup codes" }).getByRole("listitem");
  await expect(backupCodes).toHaveCount(10);
  const backupCode = (await backupCodes.first().textContent()) ?? "";
  await twoFactor.getByRole("button", { name: "I have saved my backup codes" }).click();
  await expect(twoFactor.getByText("On: you sign in with a code from your authenticator app.")).toBeVisible();
  await signOutThroughApi(page);

  await enterPassword(page, owner);
  await page.getByLabel("Code").fill(backupCode);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  expect(await sessionUser(page)).toMatchObject({ mfaEnabled: true, mfaMethod: "totp" });

  await signOutThroughApi(page);
  await enterPassword(page, owner);
  await page.getByLabel("Code").fill(backupCode);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert")).toHaveText("That code is not right.");
});
