import { timestamptz, uuid } from "../columns.js";

/** The row's own id: made by the device for synced rows, so offline inserts need no server. */
export const id = () => uuid().notNull().default("gen_random_uuid()");
/** The tenant: always taken from the session, never from what a device sends. */
export const tenant = () => uuid().notNull().serverSet();
export const createdAt = () => timestamptz().notNull().default("now()").serverSet();
export const updatedAt = () => timestamptz().notNull().default("now()").serverSet();
