import { mkdir } from "node:fs/promises";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import type { Db, Row, Sql, Tx } from "./db.js";
import { serializeJson, serializeParam, typeParsers } from "./db.js";
import { compile } from "./sql-template.js";

type Queryable = Pick<PGlite, "query" | "exec"> | Transaction;

function txOf(q: Queryable): Tx {
  const sql: Sql = async <T extends object = Row>(strings: TemplateStringsArray, ...values: unknown[]) => {
    const { text, params } = compile(strings, values);
    const result = await q.query<T>(text, params);
    return result.rows;
  };
  return {
    sql,
    exec: async (script) => {
      await q.exec(script);
    },
  };
}

const serializers = {
  ...Object.fromEntries(Object.keys(typeParsers).map((oid) => [Number(oid), serializeParam])),
  114: serializeJson,
  3802: serializeJson,
};

/** Embedded PostgreSQL in a data directory, or in memory when dataDir is undefined (tests). */
export async function openPglite(dataDir: string | undefined): Promise<Db> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const pg = await PGlite.create({ ...(dataDir ? { dataDir } : {}), parsers: typeParsers, serializers });
  return {
    kind: "pglite",
    ...txOf(pg),
    begin: (fn) => pg.transaction((tx) => fn(txOf(tx))),
    close: () => pg.close(),
  };
}
