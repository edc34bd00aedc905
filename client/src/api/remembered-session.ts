import { authApi } from "@worktrackr/shared-schema";

const storageKey = "worktrackr-session";

/**
 * The last session the server confirmed, so a reload with no network still opens the signed-in
 * user's data on this device. It grants nothing: every request still carries the session cookie,
 * and a 401 forgets it.
 */
export function rememberSession(session: authApi.SessionInfo): void {
  localStorage.setItem(storageKey, JSON.stringify(session));
}

export function forgetSession(): void {
  localStorage.removeItem(storageKey);
}

export function rememberedSession(): authApi.SessionInfo | null {
  const stored = localStorage.getItem(storageKey);
  if (!stored) return null;
  try {
    const parsed = authApi.ZSessionInfo.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
