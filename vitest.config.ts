import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{shared-schema,migrations,sync-server,client,service-worker}/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    reporters: ["default", "./scripts/closing-line-reporter.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
