import { type ApiError, errorStatus } from "@worktrackr/shared-schema";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "pino";
import { ZodError } from "zod";
import { AppError, RateLimitedError } from "./app-error.js";

/** The body and status for a zod failure: each field with its own message. */
export function validationError(error: ZodError): ApiError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "body";
    fields[path] ??= issue.message;
  }
  const [field, message] = Object.entries(fields)[0] ?? ["body", "is not valid"];
  return {
    error: { code: "validation_failed", message: `${field}: ${message}`, field, fields },
  };
}

/**
 * Maps every thrown error to the API's error body. Never a stack trace, and never a message that
 * tells whether another tenant's row exists.
 */
export function errorHandler(logger: Logger) {
  return (error: Error, c: Context): Response => {
    if (error instanceof AppError) {
      const body: ApiError = {
        error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) },
      };
      if (error instanceof RateLimitedError) c.header("Retry-After", String(error.retryAfterSeconds));
      return c.json(body, errorStatus[error.code] as ContentfulStatusCode);
    }
    if (error instanceof ZodError) return c.json(validationError(error), 422);
    if (error instanceof HTTPException && error.status < 500) {
      const code =
        error.status === 413 ? "payload_too_large" : error.status === 401 ? "unauthenticated" : "bad_request";
      const body: ApiError = { error: { code, message: error.message || "The request could not be processed." } };
      return c.json(body, error.status);
    }
    logger.error({ err: error, method: c.req.method, path: c.req.path }, "unhandled error");
    const body: ApiError = {
      error: { code: "internal", message: "Something went wrong on our side. Please try again." },
    };
    return c.json(body, 500);
  };
}
