const storageKey = "worktrackr-client-id";

/**
 * This device's id in the sync protocol (and in its HLCs), kept for the life of the browser
 * profile. It names the device, not the user: every account signed in here shares it.
 */
export function deviceClientId(storage: Storage = localStorage): string {
  const stored = storage.getItem(storageKey);
  if (stored && /^[A-Za-z0-9_-]{1,100}$/.test(stored)) return stored;
  const id = crypto.randomUUID();
  storage.setItem(storageKey, id);
  return id;
}
