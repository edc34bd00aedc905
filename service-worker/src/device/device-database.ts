import type { AckedMutation, syncApi } from "@worktrackr/shared-schema";
import { Dexie, type EntityTable, type Table } from "dexie";

export interface OutboxRecord {
  /** Auto-increment: the order the writes were made in, which is the order they are sent in. */
  readonly seq: number;
  readonly mutationId: string;
  /** The organisation the write was made in: a user's outbox outlives switching organisation. */
  readonly organisationId: string;
  readonly mutation: syncApi.Mutation;
  readonly state: "pending" | "rejected";
  readonly reason?: string;
}

/** A photo (or document) taken on this device and not yet on the server. */
export interface QueuedFileRecord {
  readonly organisationId: string;
  readonly sha256: string;
  readonly blob: Blob;
  readonly mimeType: string;
  readonly sizeBytes: number;
  readonly filename: string;
  /** When it was queued (ms): files go up in the order they were taken. */
  readonly queuedAt: number;
  readonly state: "pending" | "rejected";
  readonly reason?: string;
}

/** The server's answer to a write the service worker pushed while no replica was open to take it. */
export interface UnappliedAckRecord {
  readonly seq: number;
  readonly organisationId: string;
  readonly acked: AckedMutation;
}

/** Small facts the service worker needs and cannot read from localStorage, such as the device id. */
export interface DeviceFactRecord {
  readonly key: string;
  readonly value: string;
}

export type DeviceDatabase = Dexie & {
  entries: EntityTable<OutboxRecord, "seq">;
  /** Keyed by [organisationId, sha256]. */
  files: Table<QueuedFileRecord, [string, string]>;
  facts: EntityTable<DeviceFactRecord, "key">;
  unappliedAcks: EntityTable<UnappliedAckRecord, "seq">;
};

/** The IndexedDB name of a user's outbox (their writes and their photos waiting to go up). */
export const outboxDatabaseName = (userId: string) => `worktrackr-outbox-${userId}`;

/**
 * One database per user holds everything waiting to reach the server, so the page and the service
 * worker flush the same queue and sign-out deletes it in one go.
 */
export function openDeviceDatabase(userId: string): DeviceDatabase {
  const db = new Dexie(outboxDatabaseName(userId)) as DeviceDatabase;
  db.version(1).stores({ entries: "++seq, &mutationId, [organisationId+state+seq]" });
  db.version(2).stores({
    files: "[organisationId+sha256], [organisationId+state+queuedAt]",
    facts: "&key",
    unappliedAcks: "++seq, [organisationId+seq]",
  });
  return db;
}
