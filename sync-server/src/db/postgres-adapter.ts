import postgres from "postgres";
import type { Db, Row, Sql, Tx } from "./db.js";
import { serializeJson, serializeParam, typeParsers } from "./db.js";
import { compile } from "./sql-template.js";

type Connection = postgres.Sql | postgres.TransactionSql;

function txOf(q: Connection): Tx {
  const savepoint: Tx["savepoint"] = async (fn) => {
    if (!("savepoint" in q)) throw new Error("savepoint outside a transaction");
    return (await q.savepoint((sp) => fn(txOf(sp)))) as Awaited<ReturnType<typeof fn>>;
  };
  const sql: Sql = async <T extends object = Row>(strings: TemplateStringsArray, ...values: unknown[]) => {
    const { text, params } = compile(strings, values);
    // Prepared, so the server infers each parameter's type from the statement.
    const rows = await q.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true });
    return rows as unknown as T[];
  };
  return {
    sql,
    exec: async (script) => {
      await q.unsafe(script);
    },
    savepoint,
  };
}

/** Custom type entries that give postgres.js the same values as the PGlite adapter. */
const sharedTypes = {
  ...Object.fromEntries(
    Object.entries(typeParsers).map(([oid, parse]) => [
      `oid${oid}`,
      { to: Number(oid), from: [Number(oid)], serialize: serializeParam, parse },
    ]),
  ),
  json: { to: 3802, from: [114, 3802], serialize: serializeJson, parse: (t: string) => JSON.parse(t) as unknown },
};

export interface PostgresOptions {
  readonly max?: number;
  readonly connectTimeoutSeconds?: number;
}

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Db> {
  const client = postgres(url, {
    max: options.max ?? 10,
    connect_timeout: options.connectTimeoutSeconds ?? 10,
    onnotice: () => {},
    types: sharedTypes,
    // Statements are prepared once per connection; a generic plan for "tenant = $1 and id = any($2)"
    // scans the tenant's rows, so every execution is planned with its own values.
    connection: { application_name: "worktrackr", plan_cache_mode: "force_custom_plan" },
  });
  // Connect now so a wrong DATABASE_URL fails start-up, not the first request.
  await client`select 1`;
  const begin: Db["begin"] = async (fn) => (await client.begin((tx) => fn(txOf(tx)))) as Awaited<ReturnType<typeof fn>>;
  return {
    kind: "postgres",
    ...txOf(client),
    savepoint: begin,
    begin,
    listen: async (channel, onPayload) => {
      // postgres.js keeps one dedicated connection for listeners and re-listens after a reconnect.
      const { unlisten } = await client.listen(channel, onPayload);
      return unlisten;
    },
    close: () => client.end({ timeout: 5 }),
  };
}
