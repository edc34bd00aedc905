import type { Context } from "hono";
import type { z } from "zod";
import { AppError } from "./app-error.js";

/**
 * The request's JSON body parsed with a shared-schema validator; a zod failure becomes a 422 that
 * names the field (the error handler maps it), malformed JSON a 400.
 */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new AppError("bad_request", "The request body must be JSON.");
  }
  return schema.parse(body);
}

/** Whether a path parameter is a UUID; anything else cannot name a row, and answers like a missing one. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
