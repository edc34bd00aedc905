/// <reference lib="webworker" />
import { clientsClaim } from "workbox-core";
import { ExpirationPlugin } from "workbox-expiration";
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { CacheFirst } from "workbox-strategies";
import { flushInBackground, outboxSyncTag } from "./device/flush-in-background.js";
import { filesCacheName } from "./device/upload-files.js";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

// The app shell, so a cold start with no network still opens the app.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every app route opens index.html; the server's own paths never do.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL("/index.html"), {
    denylist: [/^\/api\//, /^\/health/, /^\/yjs\//, /^\/webhooks\//, /^\/dev\//],
  }),
);

// Photos are content-addressed, so a cached copy is never stale.
registerRoute(
  ({ url, request }) => request.method === "GET" && url.pathname.startsWith("/api/files/"),
  new CacheFirst({
    cacheName: filesCacheName,
    plugins: [new ExpirationPlugin({ maxEntries: 500, maxAgeSeconds: 30 * 24 * 60 * 60 })],
  }),
);

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

// Background Sync (Chromium): the browser wakes the worker when the network returns, even with the
// app closed, and retries with its own backoff while the flush throws.
self.addEventListener("sync", (event: Event) => {
  const syncEvent = event as SyncEvent;
  if (syncEvent.tag !== outboxSyncTag) return;
  syncEvent.waitUntil(
    flushInBackground().then(async (result) => {
      // Open pages re-read: their replica takes the server's answers on its next sync.
      for (const client of await self.clients.matchAll({ type: "window" })) {
        client.postMessage({ type: "OUTBOX_FLUSHED", ...result });
      }
    }),
  );
});

// A new version waits until the user chooses to reload (the app's update prompt).
self.addEventListener("message", (event) => {
  if ((event.data as { type?: unknown } | null)?.type === "SKIP_WAITING") void self.skipWaiting();
});
clientsClaim();
