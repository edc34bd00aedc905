/// <reference lib="webworker" />
import { clientsClaim } from "workbox-core";
import { ExpirationPlugin } from "workbox-expiration";
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { CacheFirst } from "workbox-strategies";

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
    cacheName: "worktrackr-files",
    plugins: [new ExpirationPlugin({ maxEntries: 500, maxAgeSeconds: 30 * 24 * 60 * 60 })],
  }),
);

// A new version waits until the user chooses to reload (the app's update prompt).
self.addEventListener("message", (event) => {
  if ((event.data as { type?: unknown } | null)?.type === "SKIP_WAITING") void self.skipWaiting();
});
clientsClaim();
