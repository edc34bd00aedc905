import type { Reporter, TestModule } from "vitest/node";

/**
 * Ends every run with one plain line, "tests: N passed, N failed, N skipped", that CI and people
 * read the same way. A module that failed to load counts as a failure.
 */
export default class ClosingLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const module of testModules) {
      if (module.state() === "failed" && [...module.children.allTests()].length === 0) failed += 1;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed += 1;
        else if (state === "failed") failed += 1;
        else skipped += 1;
      }
    }
    const databases = process.env.DATABASE_URL ? "PGlite and PostgreSQL" : "PGlite";
    process.stdout.write(`\nDatabases: ${databases}\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
