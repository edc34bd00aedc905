import { mkdir } from "node:fs/promises";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import type { Db, Row, Sql, Tx } from "./db.js";
import { serializeJson, serializeParam, typeParsers } from "./db.js";
import { compile } from "./sql-template.js";

type Queryable = Pick<PGlite, "query" | "exec"> | Transaction;

let savepointCounter = 0;

function txOf(q: Queryable): Tx {
  const sql: Sql = async <T extends object = Row>(strings: TemplateStringsArray, ...values: unknown[]) => {
    const { text, params } = compile(strings, values);
    const result = await q.query<T>(text, params);
    return result.rows;
  };
  const tx: Tx = {
    sql,
    exec: async (script) => {
      await q.exec(script);
    },
    savepoint: async (fn) => {
      const name = `sp_${++savepointCounter}`;
      await q.exec(`savepoint ${name}`);
      try {
        const result = await fn(tx);
        await q.exec(`release savepoint ${name}`);
        return result;
      } catch (error) {
        await q.exec(`rollback to savepoint ${name}`);
        throw error;
      }
    },
  };
  return tx;
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
  const begin: Db["begin"] = (fn) => pg.transaction((tx) => fn(txOf(tx)));
  return {
    kind: "pglite",
    ...txOf(pg),
    savepoint: begin,
    begin,
    listen: async (channel, onPayload) => {
      const stop = await pg.listen(channel, onPayload);
      return () => stop();
    },
    close: () => pg.close(),
  };
}
