import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

/** A random string of 160 bits (32 base32 characters): session ids and secrets, reset and invitation tokens. */
export function randomToken(): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
}

export function sha256Bytes(text: string): Uint8Array {
  return sha256(new TextEncoder().encode(text));
}

/** How single-use tokens (reset links, invitations) are stored: only their hash. */
export function sha256Hex(text: string): string {
  return encodeHexLowerCase(sha256Bytes(text));
}

/** Compares a presented secret with a stored hash in constant time. */
export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  return constantTimeEqual(sha256Bytes(secret), storedHash);
}

/** A random decimal code of the given length (email 2FA codes). */
export function randomDigits(length: number): string {
  const bytes = crypto.getRandomValues(new Uint32Array(length));
  return Array.from(bytes, (b) => String(b % 10)).join("");
}
