import type { Config } from "../config/config.js";
import type { Db } from "./db.js";
import { openPglite } from "./pglite-adapter.js";
import { openPostgres } from "./postgres-adapter.js";

/** Start-up failed because of one setting; the message is one line naming it. */
export class StartupError extends Error {
  override readonly name = "StartupError";
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const known: Record<string, string> = {
    ECONNREFUSED: "connection refused",
    ENOTFOUND: "host not found",
    ETIMEDOUT: "connection timed out",
    CONNECT_TIMEOUT: "connection timed out",
    "28P01": "password authentication failed",
    "28000": "authentication rejected",
    "3D000": "database does not exist",
  };
  return (typeof code === "string" && known[code]) || error.message.split("\n")[0] || "unknown error";
}

function where(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    return "the configured server";
  }
}

/** Opens the database the configuration names, or throws a StartupError naming the setting. */
export async function openDatabase(database: Config["database"]): Promise<Db> {
  if (database.kind === "postgres") {
    try {
      return await openPostgres(database.url, { max: database.poolMax, connectTimeoutSeconds: 5 });
    } catch (error) {
      throw new StartupError(
        `DATABASE_URL: cannot connect to PostgreSQL at ${where(database.url)}: ${reasonOf(error)}`,
      );
    }
  }
  try {
    return await openPglite(database.dataDir);
  } catch (error) {
    throw new StartupError(`DATA_DIR: cannot open the embedded database in ${database.dataDir}: ${reasonOf(error)}`);
  }
}
