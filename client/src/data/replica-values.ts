import type { ParserOptions, SerializerOptions } from "@electric-sql/pglite";
import { pgTypeParsers, serializeJson } from "@worktrackr/shared-schema";

/**
 * Values read from the replica take the same JavaScript shapes as the server's rows, so a row read
 * back and merged with a pending write matches what a pull delivers.
 */
export const replicaParsers: ParserOptions = pgTypeParsers;

/** json and jsonb parameters are JavaScript values, always stringified (a string is a JSON string). */
export const replicaSerializers: SerializerOptions = { 114: serializeJson, 3802: serializeJson };
