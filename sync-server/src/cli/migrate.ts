import { migrate } from "@worktrackr/migrations";
import { ConfigError, loadConfig } from "../config/config.js";
import { openDatabase, StartupError } from "../db/open.js";

/** `npm run migrate`: applies the migrations to DATABASE_URL, or the embedded database, and exits. */
try {
  const config = loadConfig();
  const db = await openDatabase(config.database);
  try {
    const { applied } = await migrate(db);
    const where =
      config.database.kind === "postgres" ? "PostgreSQL" : `the embedded database in ${config.database.dataDir}`;
    process.stdout.write(
      applied.length ? `Applied ${applied.join(", ")} to ${where}.\n` : `${where}: already up to date.\n`,
    );
  } finally {
    await db.close();
  }
} catch (error) {
  if (
    error instanceof ConfigError ||
    error instanceof StartupError ||
    (error instanceof Error && error.name === "MigrationError")
  ) {
    process.stderr.write(`worktrackr migrate: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
