import { encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, generateHOTP, verifyTOTPWithGracePeriod } from "@oslojs/otp";
import QRCode from "qrcode";
import type { Db } from "../db/db.js";
import { AppError } from "../http/app-error.js";
import { hashPassword, verifyPassword } from "./password.js";
import type { SecretBox } from "./secret-box.js";
import { randomToken } from "./tokens.js";

export const totpPeriodSeconds = 30;
export const totpDigits = 6;
const graceSeconds = 30;
const backupCodeCount = 10;

export interface TotpEnrolment {
  readonly secret: string;
  readonly uri: string;
  readonly qrSvg: string;
  readonly backupCodes: string[];
}

/** A new 20-byte key (stored sealed) and ten backup codes (stored as argon2id hashes, shown once). */
export async function enrolTotp(
  db: Db,
  box: SecretBox,
  userId: string,
  email: string,
  issuer: string,
): Promise<TotpEnrolment> {
  const key = crypto.getRandomValues(new Uint8Array(20));
  const backupCodes = Array.from({ length: backupCodeCount }, () => randomToken().slice(0, 10));
  const hashes = await Promise.all(backupCodes.map((code) => hashPassword(code)));
  await db.sql`
    insert into user_totp (user_id, secret, backup_codes, enabled_at, last_used_step)
    values (${userId}, ${box.seal(key)}, ${hashes}, null, null)
    on conflict (user_id) do update set secret = excluded.secret, backup_codes = excluded.backup_codes,
      enabled_at = null, last_used_step = null, created_at = now()`;
  const uri = createTOTPKeyURI(issuer, email, key, totpPeriodSeconds, totpDigits);
  return {
    secret: encodeBase32UpperCaseNoPadding(key),
    uri,
    qrSvg: await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 }),
    backupCodes: backupCodes.map((code) => `${code.slice(0, 5)}-${code.slice(5)}`),
  };
}

export interface TotpRecord {
  readonly key: Uint8Array;
  readonly backupCodeHashes: readonly string[];
  readonly enabledAt: string | null;
  readonly lastUsedStep: number | null;
}

export async function loadTotp(db: Db, box: SecretBox, userId: string): Promise<TotpRecord | undefined> {
  const [row] = await db.sql<{
    secret: string;
    backup_codes: string[];
    enabled_at: string | null;
    last_used_step: number | null;
  }>`
    select secret, backup_codes, enabled_at, last_used_step from user_totp where user_id = ${userId}`;
  if (!row) return undefined;
  return {
    key: box.open(row.secret),
    backupCodeHashes: row.backup_codes,
    enabledAt: row.enabled_at,
    lastUsedStep: row.last_used_step,
  };
}

/** The time step a code belongs to, within the grace period, or undefined when it is wrong. */
function matchingStep(key: Uint8Array, code: string, nowMs: number): number | undefined {
  if (!verifyTOTPWithGracePeriod(key, totpPeriodSeconds, totpDigits, code, graceSeconds)) return undefined;
  const current = Math.floor(nowMs / 1000 / totpPeriodSeconds);
  for (const step of [current, current - 1, current + 1]) {
    if (generateHOTP(key, BigInt(step), totpDigits) === code) return step;
  }
  return undefined;
}

export type SecondFactorResult = "accepted" | "wrong" | "replayed";

/**
 * Checks a TOTP code (each code once only: its time step must be newer than the last accepted)
 * or a backup code (each works once: its hash is removed). Codes are checked against the real
 * clock, as the authenticator app's is.
 */
export async function useTotpCode(db: Db, userId: string, totp: TotpRecord, code: string): Promise<SecondFactorResult> {
  if (/^\d{6}$/.test(code)) {
    const step = matchingStep(totp.key, code, Date.now());
    if (step === undefined) return "wrong";
    const [claimed] = await db.sql`
      update user_totp set last_used_step = ${step}
      where user_id = ${userId} and (last_used_step is null or last_used_step < ${step}) returning 1`;
    return claimed ? "accepted" : "replayed";
  }
  for (const hash of totp.backupCodeHashes) {
    if (await verifyPassword(hash, code)) {
      const [removed] = await db.sql`
        update user_totp set backup_codes = array_remove(backup_codes, ${hash})
        where user_id = ${userId} and ${hash} = any(backup_codes) returning 1`;
      return removed ? "accepted" : "replayed";
    }
  }
  return "wrong";
}

export function refuseCode(result: Exclude<SecondFactorResult, "accepted">): AppError {
  return result === "replayed"
    ? new AppError("unauthenticated", "That code was already used. Wait for the next one.", "code")
    : new AppError("unauthenticated", "That code is not right.", "code");
}
