import { z } from "zod";
import { roles } from "../permissions.js";

/** Emails are compared case-insensitively: trimmed and lower-cased at the boundary. */
export const ZEmail = z
  .string({ error: "is required" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "must be an email address" }).max(255, { error: "must be at most 255 characters" }));

/** NIST/ASVS: length is the rule (8 to 255), no composition rules; common passwords are refused by the server. */
export const ZNewPassword = z
  .string({ error: "is required" })
  .min(8, { error: "must be at least 8 characters" })
  .max(255, { error: "must be at most 255 characters" });

/** A password being checked, never limited by today's rules (an old one may be shorter). */
export const ZPassword = z.string({ error: "is required" }).min(1, { error: "is required" }).max(1024);

const ZName = z.string({ error: "is required" }).trim().min(1, { error: "is required" }).max(255);
export const ZPlan = z.enum(["individual", "starter", "pro", "enterprise"]);
export const ZRole = z.enum(roles);
export const ZMfaMethod = z.enum(["email", "totp"]);

/** A 6-digit one-time code, or a backup code (letters and digits, dashes ignored). */
export const ZCode = z
  .string({ error: "is required" })
  .trim()
  .transform((v) => v.replace(/[\s-]/g, "").toLowerCase())
  .pipe(z.string().regex(/^(\d{6}|[a-z0-9]{10})$/, { error: "must be a 6-digit code or a backup code" }));

export const ZRegisterRequest = z.strictObject({
  name: ZName,
  email: ZEmail,
  password: ZNewPassword,
  organisationName: ZName,
  plan: ZPlan.optional(),
});
export type RegisterRequest = z.infer<typeof ZRegisterRequest>;

export const ZLoginRequest = z.strictObject({ email: ZEmail, password: ZPassword });
export type LoginRequest = z.infer<typeof ZLoginRequest>;

export const ZCodeRequest = z.strictObject({ code: ZCode });
export type CodeRequest = z.infer<typeof ZCodeRequest>;

export const ZTotpDisableRequest = z.strictObject({ code: ZCode, currentPassword: ZPassword });

export const ZRequestPasswordReset = z.strictObject({ email: ZEmail });
export const ZResetPassword = z.strictObject({
  token: z.string({ error: "is required" }).min(16, { error: "is not a valid reset link" }).max(200),
  password: ZNewPassword,
});

export const ZAcceptInvitation = z.strictObject({
  token: z.string({ error: "is required" }).min(16, { error: "is not a valid invitation link" }).max(200),
  name: ZName.optional(),
  password: ZNewPassword,
});

export const ZMembershipSummary = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  role: ZRole,
  status: z.enum(["active", "pending", "disabled"]),
});

/** Who is signed in, where, and as what: GET /api/auth/session and every successful sign-in. */
export const ZSessionInfo = z.object({
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    locale: z.string(),
    mfaEnabled: z.boolean(),
    mfaMethod: ZMfaMethod,
  }),
  organisation: z.object({ id: z.uuid(), name: z.string(), plan: ZPlan }).nullable(),
  role: ZRole.nullable(),
  isPartnerAdmin: z.boolean(),
  memberships: z.array(ZMembershipSummary),
});
export type SessionInfo = z.infer<typeof ZSessionInfo>;

export const ZMfaRequired = z.object({ mfaRequired: z.literal(true), methods: z.array(ZMfaMethod) });
export type MfaRequired = z.infer<typeof ZMfaRequired>;

export const ZLoginResponse = z.union([ZMfaRequired, ZSessionInfo]);
export type LoginResponse = z.infer<typeof ZLoginResponse>;

export const ZTotpSetupResponse = z.object({
  secret: z.string(),
  uri: z.string(),
  qrSvg: z.string(),
  backupCodes: z.array(z.string()),
});
export type TotpSetupResponse = z.infer<typeof ZTotpSetupResponse>;

export const ZDeviceSession = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastActiveAt: z.string(),
  userAgent: z.string().nullable(),
  ipAddress: z.string().nullable(),
  isCurrent: z.boolean(),
});
export type DeviceSession = z.infer<typeof ZDeviceSession>;
