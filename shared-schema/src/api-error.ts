import { z } from "zod";

/** Every error the API answers, with an HTTP status per code. */
export const errorStatus = {
  bad_request: 400,
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  /** Every seat paid for is taken: the admin can add one. */
  seat_limit: 409,
  /** The trial ended without a subscription: data is kept, changes are paused. */
  read_only: 402,
  payload_too_large: 413,
  rate_limited: 429,
  upgrade_required: 426,
  unavailable: 503,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof errorStatus;

/** The body of every error response: a code for programs, a sentence for people, the field at fault. */
export const ZApiError = z.object({
  error: z.object({
    code: z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    field: z.string().optional(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ApiError = z.infer<typeof ZApiError>;
