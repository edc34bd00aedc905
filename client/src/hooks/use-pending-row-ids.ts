import type { TableName } from "@worktrackr/shared-schema";
import { useReplicaQuery } from "./use-replica-query.js";

/** Rows of a table with changes made here that have not reached the server yet. */
export const usePendingRowIds = (table: TableName) =>
  useReplicaQuery(["outbox", "pending", table], (layer) => layer.engine.pendingRowIds(table));
