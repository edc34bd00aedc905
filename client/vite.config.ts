import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

const API_ORIGIN = "http://localhost:8787";
const MIB = 1024 * 1024;

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    VitePWA({
      strategies: "injectManifest",
      srcDir: "../service-worker/src",
      filename: "sw.ts",
      // Registration lives in src/pwa/register-service-worker.ts so updates wait for the user's "Reload".
      injectRegister: false,
      manifest: {
        name: "WorkTrackr",
        short_name: "WorkTrackr",
        description: "Service desk and field work that keeps going offline: tickets, jobs and time in one place.",
        start_url: "/",
        scope: "/",
        display: "standalone",
        theme_color: "#0ea5e9",
        background_color: "#ffffff",
        icons: [
          { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
          { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
          { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
      injectManifest: {
        // PGlite's wasm and data files (~9 MB and ~6 MB) must fit in the precache once they land.
        maximumFileSizeToCacheInBytes: 20 * MIB,
        globPatterns: ["**/*.{js,css,html,svg,png,ico,webmanifest,woff2}"],
      },
    }),
  ],
  build: {
    outDir: "dist",
  },
  optimizeDeps: {
    // PGlite loads its wasm relative to its own module; pre-bundling breaks that path in dev.
    exclude: ["@electric-sql/pglite"],
  },
  server: {
    proxy: {
      "/api": API_ORIGIN,
      "/health": API_ORIGIN,
      "/yjs": { target: API_ORIGIN, ws: true },
      "/webhooks": API_ORIGIN,
    },
  },
});
