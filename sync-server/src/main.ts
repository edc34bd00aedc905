import { ConfigError, loadConfig } from "./config/config.js";
import { StartupError } from "./db/open.js";
import { createLogger } from "./logger.js";
import { startServer } from "./start-server.js";

/** One line, no stack: the person starting the server needs the setting and the reason. */
function stop(message: string): never {
  process.stderr.write(`worktrackr: ${message}\n`);
  process.exit(1);
}

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) stop(`configuration error: ${error.message}`);
  throw error;
}
const logger = createLogger(config.logLevel);
try {
  const server = await startServer(config, logger);
  const shutdown = (signal: string) => {
    logger.info({ signal }, "shutting down");
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
} catch (error) {
  if (error instanceof StartupError) stop(error.message);
  if (error instanceof Error && (error as { code?: string }).code === "EADDRINUSE") {
    stop(`PORT: ${config.port} is already in use by another program`);
  }
  logger.fatal({ err: error }, "start-up failed");
  process.exit(1);
}
