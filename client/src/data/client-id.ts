const deviceKey = "worktrackr-client-id";
const tabKey = "worktrackr-tab-id";
const idPattern = /^[A-Za-z0-9_-]{1,40}$/;

function storedId(storage: Storage, key: string, make: () => string): string {
  const stored = storage.getItem(key);
  if (stored && idPattern.test(stored)) return stored;
  const id = make();
  storage.setItem(key, id);
  return id;
}

/**
 * This tab's id in the sync protocol and in its HLCs: the device's id (kept for the life of the
 * browser profile, shared by every account signed in here) and the tab's (kept across its
 * reloads). Two tabs each keep a clock, so each needs its own id, or two writes made in the same
 * millisecond could carry the same HLC and leave last-writer-wins a tie.
 */
export function deviceClientId(device: Storage = localStorage, tab: Storage = sessionStorage): string {
  const deviceId = storedId(device, deviceKey, () => crypto.randomUUID());
  const tabId = storedId(tab, tabKey, () => crypto.randomUUID().slice(0, 8));
  return `${deviceId}-${tabId}`;
}
