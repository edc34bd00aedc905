import { randomUUID } from "node:crypto";
import { formatHlc, type syncApi, type TableName } from "@worktrackr/shared-schema";
import type { Db } from "../db/db.js";
import { AppError, notFound } from "../http/app-error.js";
import type { TenantContext } from "../tenancy/tenant-context.js";
import { applyPush } from "./push.js";
import type { Row } from "./scope.js";

let counter = 0;

/** A clock for writes made on the server (REST, Yjs write-back): ordered like any device's. */
export function serverHlc(now: Date): string {
  counter = (counter + 1) % 0x10000;
  return formatHlc({ millis: now.getTime(), counter, clientId: "server" });
}

const statusOf: Record<string, AppError["code"]> = {
  permission: "forbidden",
  "author-only": "forbidden",
  transition: "forbidden",
  invalid: "validation_failed",
  "delete-wins": "not_found",
  locked: "conflict",
  "server-decides": "conflict",
  database: "validation_failed",
};

/**
 * Applies one change made through the REST API by the same path as a device's push, so it is
 * validated, resolved, logged and delivered to devices like any other; answers with the row as
 * it now stands, or the refusal as an HTTP error.
 */
export async function applyServerMutation(
  db: Db,
  tenant: TenantContext & { readonly userId: string },
  table: TableName,
  op: "upsert" | "delete",
  row: Row & { id: string },
  now: Date,
): Promise<Row | null> {
  const mutation: syncApi.Mutation = { id: randomUUID(), table, op, row, hlc: serverHlc(now) };
  const { acks } = await applyPush(db, { tenant, clientId: "api", mutations: [mutation], now });
  const [ack] = acks;
  if (!ack) throw new Error("no acknowledgement");
  if (ack.status === "rejected") {
    const code = statusOf[ack.code ?? ""] ?? "validation_failed";
    if (code === "not_found")
      throw notFound(
        table
          .replace(/s$/, "")
          .replace(/_/g, " ")
          .replace(/^./, (c) => c.toUpperCase()),
      );
    const field = /^(\w+): /.exec(ack.reason ?? "")?.[1];
    throw new AppError(code, ack.reason ?? "This change was refused.", field);
  }
  return ack.row ?? null;
}
