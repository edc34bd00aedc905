import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

/** The tagged-template query function a migration target offers (postgres.js style). */
export type SqlTag = <T extends object = Record<string, unknown>>(
  strings: TemplateStringsArray,
  ...values: unknown[]
) => Promise<T[]>;

export interface MigrationTransaction {
  readonly sql: SqlTag;
  /** Runs a script of several statements without parameters. */
  exec(script: string): Promise<void>;
}

export interface MigrationTarget {
  begin<T>(fn: (tx: MigrationTransaction) => Promise<T>): Promise<T>;
}

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly checksum: string;
  readonly script: string;
}

export class MigrationError extends Error {
  override readonly name = "MigrationError";
}

const fileName = /^(\d{4})_([a-z0-9_]+)\.sql$/;
const defaultDirectory = fileURLToPath(new URL("../sql/", import.meta.url));

/** Same lock key in every process, so servers starting together on one database take turns. */
export const migrationLockKey = 7_202_611_221;

function checksumOf(script: string): string {
  // Line endings normalised so a checkout with CRLF does not look like an edited migration.
  return createHash("sha256").update(script.replace(/\r\n/g, "\n")).digest("hex");
}

/** Reads the numbered SQL files in order; a badly named file is an error, not silently skipped. */
export async function loadMigrations(directory = defaultDirectory): Promise<Migration[]> {
  const names = (await readdir(directory)).filter((n) => n.endsWith(".sql")).sort();
  const migrations: Migration[] = [];
  for (const file of names) {
    const match = fileName.exec(file);
    if (!match?.[1]) throw new MigrationError(`${file}: migration files are named NNNN_verb_noun.sql`);
    const version = Number(match[1]);
    const previous = migrations.at(-1);
    if (previous && previous.version === version) {
      throw new MigrationError(`${file}: version ${match[1]} is used twice`);
    }
    const script = await readFile(`${directory}/${file}`, "utf8");
    migrations.push({ version, name: file, checksum: checksumOf(script), script });
  }
  return migrations;
}

export interface MigrationResult {
  readonly applied: readonly string[];
}

/**
 * Applies pending migrations in order, all in one transaction under an advisory lock, and records
 * each with its checksum. An applied migration whose file changed is refused: migrations are
 * never edited once landed.
 */
export async function migrate(target: MigrationTarget, migrations?: readonly Migration[]): Promise<MigrationResult> {
  const all = migrations ?? (await loadMigrations());
  return target.begin(async (tx) => {
    await tx.sql`select pg_advisory_xact_lock(${migrationLockKey})`;
    await tx.exec(`
      create table if not exists schema_migrations (
        version integer primary key,
        name text not null,
        checksum text not null,
        applied_at timestamptz not null default now()
      )`);
    const rows = await tx.sql<{ version: number; name: string; checksum: string }>`
      select version, name, checksum from schema_migrations order by version`;
    const known = new Map(all.map((m) => [m.version, m]));
    for (const row of rows) {
      const local = known.get(row.version);
      if (!local) {
        throw new MigrationError(
          `The database has migration ${row.name}, which this code does not know: it was migrated by a newer version.`,
        );
      }
      if (local.checksum !== row.checksum) {
        throw new MigrationError(
          `Migration ${row.name} was changed after it was applied (checksum ${row.checksum.slice(0, 12)} in the database, ${local.checksum.slice(0, 12)} on disk). Applied migrations are never edited: restore the file and add a new migration.`,
        );
      }
    }
    const done = new Set(rows.map((r) => r.version));
    const applied: string[] = [];
    for (const migration of all) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.script);
      await tx.sql`
        insert into schema_migrations (version, name, checksum)
        values (${migration.version}, ${migration.name}, ${migration.checksum})`;
      applied.push(migration.name);
    }
    return { applied };
  });
}
