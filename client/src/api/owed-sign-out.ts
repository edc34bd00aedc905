const owedKey = "worktrackr-sign-out-owed";

/**
 * Signing out with no signal: the device forgets the user at once, and the server's end of the
 * session is owed until the network returns. Until then the session cookie must not sign anyone
 * back in, so the app treats the device as signed out.
 */
export function oweSignOut(): void {
  localStorage.setItem(owedKey, "1");
}

export function isSignOutOwed(): boolean {
  return localStorage.getItem(owedKey) !== null;
}

let settling: Promise<void> | undefined;

/** Ends the owed session on the server, once; with still no network it stays owed. */
export function settleOwedSignOut(): Promise<void> {
  if (!isSignOutOwed()) return Promise.resolve();
  settling ??= fetch("/api/auth/logout", { method: "POST", credentials: "same-origin" })
    .then(() => {
      // Any answer settles it: a 401 means the session had ended already.
      localStorage.removeItem(owedKey);
    })
    .catch(() => {})
    .finally(() => {
      settling = undefined;
    });
  return settling;
}
