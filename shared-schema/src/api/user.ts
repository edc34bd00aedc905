import { z } from "zod";
import { ZCode, ZEmail, ZNewPassword, ZPassword, ZPlan, ZRole } from "./auth.js";

export const ZUpdateProfile = z
  .strictObject({
    name: z.string().trim().min(1, { error: "is required" }).max(255).optional(),
    locale: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, { error: "must be a locale such as en-GB" })
      .optional(),
  })
  .refine((v) => v.name !== undefined || v.locale !== undefined, { error: "Nothing to change." });

export const ZChangePassword = z.strictObject({ currentPassword: ZPassword, newPassword: ZNewPassword });

export const ZChangeEmail = z.strictObject({ email: ZEmail, currentPassword: ZPassword, code: ZCode.optional() });

/** Turning email 2FA on or off asks for the password again (and the current code to turn it off). */
export const ZEmailMfaSettings = z.strictObject({
  enabled: z.boolean(),
  currentPassword: ZPassword,
  code: ZCode.optional(),
});

export const ZInviteMember = z.strictObject({
  email: ZEmail,
  role: ZRole,
  name: z.string().trim().min(1).max(255).optional(),
});

export const ZUpdateMember = z
  .strictObject({ role: ZRole.optional(), status: z.enum(["active", "disabled"]).optional() })
  .refine((v) => v.role !== undefined || v.status !== undefined, { error: "Nothing to change." });

export const ZMember = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: ZRole,
  status: z.enum(["active", "pending", "disabled"]),
  createdAt: z.string(),
});
export type Member = z.infer<typeof ZMember>;

export const ZCreateOrganisation = z.strictObject({
  name: z.string().trim().min(1, { error: "is required" }).max(255),
  plan: ZPlan.optional(),
});
export const ZSwitchOrganisation = z.strictObject({ organisationId: z.uuid({ error: "must be an organisation id" }) });

export const ZOrganisationSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  plan: ZPlan,
  activeUserCount: z.number(),
  createdAt: z.string(),
});
export type OrganisationSummary = z.infer<typeof ZOrganisationSummary>;

export const ZProfile = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  locale: z.string(),
  mfaEnabled: z.boolean(),
  mfaMethod: z.enum(["email", "totp"]),
});
export type Profile = z.infer<typeof ZProfile>;
