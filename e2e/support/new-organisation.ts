import type { Page } from "@playwright/test";

/** A person who signs up a new organisation; unique per call, so tests never share an account. */
export function newOwner(label: string) {
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  return {
    organisationName: `${label} ${stamp}`,
    name: "Olive Owner",
    email: `owner-${stamp}@${label.toLowerCase().replace(/\W+/g, "-")}.example.com`,
    password: "pipes-and-valves-2026",
  } as const;
}

/** Registers a new organisation through the API from the page (same origin), which signs the page in. */
export async function registerThroughApi(
  page: Page,
  owner: ReturnType<typeof newOwner> & { plan?: "individual" | "starter" | "pro" },
): Promise<void> {
  await page.goto("/login");
  const status = await page.evaluate(async (body) => {
    const response = await fetch("/api/auth/register", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return response.status;
  }, owner);
  if (status !== 201) throw new Error(`registering ${owner.email} answered ${status}`);
}

/** Ends the page's session through the API, as if the browser had been closed and the cookie lost. */
export async function signOutThroughApi(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await fetch("/api/auth/logout", { method: "POST" });
    localStorage.clear();
  });
}
