import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

const api = "http://localhost:8787";

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    VitePWA({
      strategies: "injectManifest",
      srcDir: "../service-worker/src",
      filename: "sw.ts",
      // Registered by the app with workbox-window, so an update is offered, never forced mid-form.
      injectRegister: false,
      injectManifest: {
        // PGlite's wasm and data files are large; the app must still open with no network.
        maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
        globPatterns: ["**/*.{js,css,html,svg,png,ico,webmanifest,woff2,wasm,data}"],
      },
      manifest: {
        name: "WorkTrackr",
        short_name: "WorkTrackr",
        description: "Tickets, jobs and time for field crews and the office, online or not.",
        start_url: "/",
        scope: "/",
        display: "standalone",
        theme_color: "#0ea5e9",
        background_color: "#ffffff",
        icons: [
          { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
    }),
  ],
  optimizeDeps: { exclude: ["@electric-sql/pglite"] },
  // The replica's PGlite worker is an ES module worker (code-split, top-level imports).
  worker: { format: "es" },
  build: { outDir: "dist", emptyOutDir: true },
  server: {
    proxy: {
      "/api": { target: api, ws: true },
      "/health": api,
      "/yjs": { target: api, ws: true },
      "/webhooks": api,
      "/dev": api,
    },
  },
});
