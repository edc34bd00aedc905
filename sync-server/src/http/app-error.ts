import type { ErrorCode } from "@worktrackr/shared-schema";

/** The one error type routes throw: a code for programs, a sentence for people, the field at fault. */
export class AppError extends Error {
  override readonly name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** A tenant's row that does not exist, or that the caller may not see: the same answer for both. */
export function notFound(what: string): AppError {
  return new AppError("not_found", `${what} not found.`);
}

/** Too many attempts: answered with 429 and Retry-After. */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("rate_limited", `Too many attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`);
  }
}
