import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { migrate } from "@worktrackr/migrations";
import type { Logger } from "pino";
import { createApp } from "./app.js";
import { purgeExpiredAuthRecords } from "./auth/cleanup.js";
import { createSecretBox } from "./auth/secret-box.js";
import { loadSecretsKey } from "./auth/secrets-key.js";
import { registerBillingJobs } from "./billing/jobs.js";
import { createBilling } from "./billing/stripe.js";
import type { Config } from "./config/config.js";
import type { Db } from "./db/db.js";
import { openDatabase } from "./db/open.js";
import { demoLogins, seedDemo } from "./demo/seed.js";
import { createMailer } from "./email/mailer.js";
import { createDiskBlobStore } from "./files/blob-store.js";
import { JobQueue } from "./jobs/queue.js";
import { LiveHub } from "./live/hub.js";
import { attachWebSockets } from "./live/upgrade.js";
import { createLogger } from "./logger.js";
import type { ServerDeps } from "./server-deps.js";
import { YjsRooms } from "./yjs/rooms.js";

const defaultClientDist = fileURLToPath(new URL("../../client/dist", import.meta.url));

export interface RunningServer {
  readonly port: number;
  readonly db: Db;
  close(): Promise<void>;
}

function printDemoLogins(baseUrl: string): void {
  const lines = [
    "",
    `WorkTrackr is running at ${baseUrl}`,
    "Demo organisation logins:",
    ...demoLogins.map((l) => `  ${l.role.padEnd(8)} ${l.email.padEnd(28)} ${l.password}`),
    "",
  ];
  process.stderr.write(`${lines.join("\n")}\n`);
}

/** Opens the database, migrates it, seeds the demo on first run, and serves the API and the PWA. */
export async function startServer(
  config: Config,
  logger: Logger = createLogger(config.logLevel),
): Promise<RunningServer> {
  const db = await openDatabase(config.database);
  try {
    const { applied } = await migrate(db);
    logger.info({ applied, database: db.kind }, applied.length ? "migrations applied" : "schema up to date");
    if (config.seedDemo) {
      const seed = await seedDemo(db);
      if (seed.seeded) logger.info({ organisationId: seed.organisationId }, "demo organisation seeded");
    }
  } catch (error) {
    await db.close();
    throw error;
  }

  const clientDist = resolve(config.clientDist ?? defaultClientDist);
  const deps: ServerDeps = {
    db,
    logger,
    mailer: createMailer(config.smtp, "WorkTrackr <no-reply@worktrackr.example.com>", logger),
    files: createDiskBlobStore(resolve(config.filesDir)),
    secretBox: createSecretBox(await loadSecretsKey(config.secretsKey, config.dataDir)),
    now: () => new Date(),
    appBaseUrl: config.appBaseUrl,
    allowedHosts: config.allowedHosts,
    trustProxy: config.trustProxy,
    billing: createBilling(config.stripe),
    trialDays: config.trialDays,
    jobs: new JobQueue(db, logger, () => new Date()),
  };
  registerBillingJobs(deps);
  deps.jobs.start();
  const app = createApp(deps, { clientDist });
  const server = await new Promise<ReturnType<typeof serve>>((done, fail) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => done(s));
    s.once("error", fail);
  });
  // Hourly, on every instance: the deletes are idempotent, so instances need not coordinate.
  const housekeeping = setInterval(
    () => {
      purgeExpiredAuthRecords(db, new Date()).catch((err: unknown) => logger.warn({ err }, "housekeeping failed"));
    },
    60 * 60 * 1000,
  );
  housekeeping.unref();
  const hub = new LiveHub(db, logger);
  await hub.start();
  const rooms = new YjsRooms(db, logger, deps.now);
  await rooms.start();
  const sockets = attachWebSockets(server as import("node:http").Server, deps, hub, [rooms]);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  logger.info({ port, database: db.kind }, "listening");
  if (config.seedDemo) printDemoLogins(config.appBaseUrl);

  return {
    port,
    db,
    close: async () => {
      clearInterval(housekeeping);
      await deps.jobs.stop();
      sockets.close();
      await hub.stop();
      await rooms.stop();
      await new Promise<void>((done) => server.close(() => done()));
      await deps.mailer.idle();
      await db.close();
    },
  };
}
