import { PGlite } from "@electric-sql/pglite";
import type { TableName } from "@worktrackr/shared-schema";
import { PgliteReplica } from "./replica.js";
import type { ReplicaAccess } from "./replica-access.js";

/** A write as a test sees it, in the order the outbox would send it. */
export interface RecordedWrite {
  readonly table: TableName;
  readonly op: "upsert" | "delete";
  readonly row: Record<string, unknown> & { id: string };
}

/**
 * For tests of replica queries and writes: an in-memory replica, and a writer that applies each
 * write to it (as the sync engine does) and records it.
 */
export async function openRecordingLayer(userId: string) {
  const db = new PGlite();
  const replica = await PgliteReplica.open(db);
  const writes: RecordedWrite[] = [];
  const layer: ReplicaAccess = {
    identity: { userId },
    replica,
    engine: {
      async write(table, op, row) {
        writes.push({ table, op, row });
        if (op === "delete") await replica.delete(table, row.id);
        else await replica.put(table, row);
      },
    },
  };
  return { layer, replica, writes, close: () => db.close() };
}
