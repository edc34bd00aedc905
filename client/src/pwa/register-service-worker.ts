import { Workbox } from "workbox-window";

/**
 * Registers the service worker. When a new version is waiting, onUpdate is called with a function
 * that activates it and reloads: the user chooses when, so no half-filled form is lost.
 */
export function registerServiceWorker(onUpdate: (activate: () => void) => void): void {
  if (!("serviceWorker" in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox("/sw.js", { scope: "/" });
  wb.addEventListener("waiting", () => {
    onUpdate(() => {
      wb.addEventListener("controlling", () => window.location.reload());
      wb.messageSkipWaiting();
    });
  });
  wb.register().catch((error: unknown) => console.error("service worker registration failed", error));
}

/** Asks the server for a newer app now (the sync server said this one is too old); the update prompt follows. */
export async function checkForUpdate(): Promise<void> {
  if (!("serviceWorker" in navigator)) return window.location.reload();
  const registration = await navigator.serviceWorker.getRegistration();
  if (registration) await registration.update();
  else window.location.reload();
}
