export * as authApi from "./api/auth.js";
export * as userApi from "./api/user.js";
export { type ApiError, type ErrorCode, errorStatus, ZApiError } from "./api-error.js";
export type { AnyColumn, Column } from "./columns.js";
export {
  type Capability,
  can,
  canMoveTicket,
  capabilities,
  type ReadScope,
  type Role,
  roles,
  type TableAccess,
  tableAccess,
  ticketStatusTransitions,
} from "./permissions.js";
export { parseTimestamp, pgTypeParsers, serializeJson, serializePgParam } from "./pg-values.js";
export { extraSeatMonthlyPence, type PlanId, plans } from "./plans.js";
export { replicaDdl, replicaTableDdl } from "./replica-ddl.js";
export { isTableName, type TableName, type Tables, tableNames, tables } from "./schema.js";
export {
  type AckedMutation,
  MemoryOutbox,
  MemoryReplica,
  type OutboxEntry,
  type OutboxStore,
  pairAcks,
  pushPending,
  type ReplicaStore,
  type Row,
  SyncClient,
  type SyncClientOptions,
  type SyncResult,
  type SyncTransport,
} from "./sync/client.js";
export { formatHlc, type HlcParts, HybridClock, parseHlc } from "./sync/hlc.js";
export * as syncApi from "./sync/protocol.js";
export { minimumClientProtocolVersion, protocolVersion } from "./sync/protocol-version.js";
export type { ConflictRule, InsertOf, PatchOf, RowOf, Table, TableSpec } from "./table.js";
export { approvalStates, taskStatuses } from "./tables/field-work.js";
export { ticketPriorities, ticketStatuses } from "./tables/service-desk.js";
