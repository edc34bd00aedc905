import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { describe } from "vitest";
import type { Db } from "../src/db/db.js";
import { openPglite } from "../src/db/pglite-adapter.js";
import { openPostgres } from "../src/db/postgres-adapter.js";

export interface TestDatabase {
  readonly db: Db;
  /** A URL for a second connection to the same database (PostgreSQL only). */
  readonly url: string | undefined;
  drop(): Promise<void>;
}

export type DatabaseKind = "pglite" | "postgres";

/** The databases this run tests on: PGlite always, PostgreSQL too when DATABASE_URL is set. */
export const databaseKinds: DatabaseKind[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh, empty database: in-memory PGlite, or a new database on the PostgreSQL server, dropped after. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const db = await openPglite(undefined);
    return { db, url: undefined, drop: () => db.close() };
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error("DATABASE_URL is not set");
  const name = `wt_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = withDatabase(adminUrl, name);
  const db = await openPostgres(url, { max: 4 });
  return {
    db,
    url,
    drop: async () => {
      await db.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Runs a suite once per database kind, with the kind in its name. */
export function describeEachDatabase(title: string, suite: (kind: DatabaseKind) => void): void {
  for (const kind of databaseKinds) describe(`${title} [${kind}]`, () => suite(kind));
}
