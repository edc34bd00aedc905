import { outboxSyncTag } from "@worktrackr/service-worker";

interface SyncManager {
  register(tag: string): Promise<void>;
}

/**
 * Asks the browser to wake the service worker when the network returns, so waiting writes and
 * photos go up even if the app is closed by then (Chromium). Where the browser has no Background
 * Sync (Safari, Firefox) this does nothing: the page's own triggers still send everything.
 */
export function requestBackgroundSync(): void {
  if (!("serviceWorker" in navigator)) return;
  void navigator.serviceWorker.ready
    .then((registration) =>
      (registration as ServiceWorkerRegistration & { sync?: SyncManager }).sync?.register(outboxSyncTag),
    )
    .catch((error: unknown) => console.warn("background sync could not be registered", error));
}

/** Calls back when the service worker has sent the queue in the background, for open pages to catch up. */
export function onBackgroundFlush(callback: () => void): () => void {
  if (!("serviceWorker" in navigator)) return () => {};
  const listener = (event: MessageEvent) => {
    if ((event.data as { type?: unknown } | null)?.type === "OUTBOX_FLUSHED") callback();
  };
  navigator.serviceWorker.addEventListener("message", listener);
  return () => navigator.serviceWorker.removeEventListener("message", listener);
}
