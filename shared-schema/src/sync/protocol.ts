import { z } from "zod";
import { parseHlc } from "./hlc.js";

export const maxMutationsPerPush = 1000;
export const maxPullLimit = 5000;

export const ZHlc = z.string().refine((v) => parseHlc(v) !== undefined, {
  error: "must be a hybrid logical clock (<ISO time>-<4 hex>-<clientId>)",
});

/** One change a device made: the row's id and the fields it sets (all of a new row's, only the changed ones otherwise). */
export const ZMutation = z.object({
  id: z.uuid({ error: "must be a UUID" }),
  table: z.string().min(1).max(64),
  op: z.enum(["upsert", "delete"]),
  row: z
    .record(z.string(), z.unknown())
    .refine((r) => typeof r.id === "string", { error: "must include the row's id" }),
  hlc: ZHlc,
});
export type Mutation = z.infer<typeof ZMutation>;

export const ZPushRequest = z.object({
  clientId: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/, { error: "must be letters, digits, - or _" }),
  protocolVersion: z.number().int().min(0),
  mutations: z
    .array(ZMutation)
    .max(maxMutationsPerPush, { error: `must hold at most ${maxMutationsPerPush} mutations` }),
});

/**
 * What the server accepts as a push: each mutation is checked on its own afterwards, so one
 * malformed write is acknowledged as rejected instead of refusing the batch (and wedging the
 * device's queue behind it).
 */
export const ZPushEnvelope = z.object({
  clientId: ZPushRequest.shape.clientId,
  protocolVersion: ZPushRequest.shape.protocolVersion,
  mutations: z
    .array(z.looseObject({ id: z.string().min(1).max(100) }))
    .max(maxMutationsPerPush, { error: `must hold at most ${maxMutationsPerPush} mutations` }),
});
export type PushRequest = z.infer<typeof ZPushRequest>;

export const ZAckStatus = z.enum(["applied", "merged", "rejected"]);
export type AckStatus = z.infer<typeof ZAckStatus>;

/** What became of one mutation; the row is the server's version after it, when the device may see it. */
export const ZAck = z.object({
  id: z.string(),
  status: ZAckStatus,
  reason: z.string().optional(),
  /** Why, for programs: permission, invalid, delete-wins, locked, transition, author-only, server-decides, database. */
  code: z.string().optional(),
  row: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type Ack = z.infer<typeof ZAck>;

export const ZPushResponse = z.object({
  acks: z.array(ZAck),
  /** The tenant's version after this push (informational: pulls keep their own cursor). */
  cursor: z.number().int(),
  /** The server's clock, for the device's HLC to move past. */
  hlc: z.string(),
});
export type PushResponse = z.infer<typeof ZPushResponse>;

export const ZChange = z.discriminatedUnion("op", [
  z.object({
    op: z.literal("upsert"),
    table: z.string(),
    row: z.record(z.string(), z.unknown()),
    version: z.number().int(),
  }),
  /** A tombstone, or a row that left the caller's scope: drop it (and what hangs off it). */
  z.object({ op: z.literal("delete"), table: z.string(), id: z.uuid(), version: z.number().int() }),
]);
export type Change = z.infer<typeof ZChange>;

export const ZPullResponse = z.object({
  changes: z.array(ZChange),
  cursor: z.number().int(),
  more: z.boolean(),
  hlc: z.string(),
});
export type PullResponse = z.infer<typeof ZPullResponse>;

/** Sent on /api/sync/live: the caller's tenant moved to this version; pull to catch up. */
export const ZLivePoke = z.object({ type: z.literal("poke"), version: z.number().int() });
export type LivePoke = z.infer<typeof ZLivePoke>;

/** A conflict a rule resolved, or a write the server refused, as its people see it in the inbox. */
export const ZConflict = z.object({
  id: z.uuid(),
  table: z.string(),
  rowId: z.uuid(),
  field: z.string().nullable(),
  rule: z.string(),
  reason: z.string(),
  winningValue: z.unknown(),
  losingValue: z.unknown(),
  winningUserId: z.uuid().nullable(),
  losingUserId: z.uuid().nullable(),
  mutationId: z.uuid().nullable(),
  createdAt: z.string(),
  seenAt: z.string().nullable(),
});
export type Conflict = z.infer<typeof ZConflict>;
