import { PGlite } from "@electric-sql/pglite";
import { worker } from "@electric-sql/pglite/worker";

// The one place the database engine runs: off the UI thread, so a pull of thousands of rows never
// blocks a tap. Every tab starts this worker; PGliteWorker elects one leader per data directory
// and the others forward their queries to it, so the IndexedDB copy is never opened twice.
worker({
  init: (options) =>
    PGlite.create({
      ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
      ...(options.relaxedDurability === undefined ? {} : { relaxedDurability: options.relaxedDurability }),
    }),
}).catch((error: unknown) => console.error("the replica database could not start", error));
