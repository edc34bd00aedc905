import { PGlite } from "@electric-sql/pglite";
import { worker } from "@electric-sql/pglite/worker";

// The one place the database engine runs: off the UI thread, so a pull of thousands of rows never
// blocks a tap. Every tab starts this worker; PGliteWorker elects one leader per data directory
// and only the leader's init runs, the other tabs forward their queries to it.

let database: PGlite | undefined;
let flushFailures = 0;
let lastFlushFailureAt = 0;

const isFilesystemError = (reason: unknown) => (reason as { name?: unknown } | null)?.name === "ErrnoError";

/**
 * With relaxedDurability PGlite flushes to IndexedDB after each query without awaiting the flush
 * (upstream: electric-sql/pglite#1063). A flush that races a query deleting a file (DDL removes
 * the relcache init file) fails with an Emscripten ErrnoError nobody observes. The rows are still
 * in memory and the next flush copies them; retry soon so that does not wait for the next query.
 */
self.addEventListener("unhandledrejection", (event) => {
  if (!isFilesystemError(event.reason)) return;
  event.preventDefault();
  // Failures far apart are separate incidents, each with its own few retries.
  if (Date.now() - lastFlushFailureAt > 60_000) flushFailures = 0;
  lastFlushFailureAt = Date.now();
  flushFailures += 1;
  console.warn(`replica: a background flush to IndexedDB failed (${flushFailures}); retrying`, event.reason);
  // PGlite's own flush waits its turn behind one in flight; a failure lands here again.
  if (flushFailures <= 5) setTimeout(() => void database?.syncToFs(), 200 * 2 ** flushFailures);
});

worker({
  init: async (options) => {
    database = await PGlite.create({
      ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
      ...(options.relaxedDurability === undefined ? {} : { relaxedDurability: options.relaxedDurability }),
    });
    return database;
  },
}).catch((error: unknown) => console.error("the replica database could not start", error));
