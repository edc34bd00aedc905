import type { TableName } from "@worktrackr/shared-schema";
import type { PgliteReplica, ReplicaIdentity } from "./replica.js";

/**
 * What screen queries and writes need of the signed-in user's data layer: whose it is, reads of
 * the replica, and writes through the outbox. A DataLayer is one; tests pass a replica and a
 * recording writer.
 */
export interface ReplicaAccess {
  readonly identity: Pick<ReplicaIdentity, "userId">;
  readonly replica: Pick<PgliteReplica, "query">;
  readonly engine: {
    write(table: TableName, op: "upsert" | "delete", row: Record<string, unknown> & { id: string }): Promise<unknown>;
  };
}

/**
 * SQL saying a row is the signed-in user's (their time, their timesheets). A row written on this
 * device has no author until the server sets it; other people's rows on the device (a manager's)
 * always carry theirs.
 */
export const isMine = (authorColumn: string, userIdParam: string) =>
  `(${authorColumn} = ${userIdParam} or ${authorColumn} is null)`;

/**
 * SQL saying a ticket is on the signed-in user's list: assigned to them, or created on this
 * device and not yet synced (no assignee and no creator yet; the server assigns it to its creator).
 */
export const isMyTicket = (userIdParam: string) =>
  `(assignee_id = ${userIdParam} or (assignee_id is null and created_by is null))`;
