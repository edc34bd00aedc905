import { hash, verify } from "@node-rs/argon2";
import { verify as verifyBcrypt } from "@node-rs/bcrypt";
import { dictionary } from "@zxcvbn-ts/language-common";

/** OWASP's argon2id minimum: 19 MiB, 2 iterations, 1 lane. */
const argon2Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** The password hash of an invited user who has not chosen a password: it never verifies. */
export const noPasswordYet = "!invited";

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

const isBcrypt = (stored: string) => /^\$2[aby]\$\d\d\$/.test(stored);

export interface PasswordCheck {
  readonly isValid: boolean;
  /** The stored hash is bcrypt (the legacy database) or weaker argon2 settings: rehash it now. */
  readonly needsRehash: boolean;
}

/** Verifies against argon2id hashes and the legacy database's bcrypt hashes alike. */
export async function checkPassword(storedHash: string, password: string): Promise<PasswordCheck> {
  try {
    if (isBcrypt(storedHash)) return { isValid: await verifyBcrypt(password, storedHash), needsRehash: true };
    const isValid = await verify(storedHash, password);
    const needsRehash =
      isValid &&
      !storedHash.startsWith(`$argon2id$v=19$m=${argon2Options.memoryCost},t=${argon2Options.timeCost},p=1$`);
    return { isValid, needsRehash };
  } catch {
    // An unusable hash (an invited user who has not set a password yet) never verifies.
    return { isValid: false, needsRehash: false };
  }
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  return (await checkPassword(storedHash, password)).isValid;
}

/**
 * A hash of a random password, verified when the email is unknown so that "no such account" takes
 * as long as "wrong password".
 */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(crypto.randomUUID());
  return decoyHash;
}

/** The 10,000 most common passwords (frequency-ordered list shipped in @zxcvbn-ts/language-common). */
const commonPasswords = new Set(dictionary["passwords-common"].slice(0, 10_000));

/** Why a new password is refused, or undefined when it is acceptable. Length is checked by the schema. */
export function passwordWeakness(password: string, context: readonly string[] = []): string | undefined {
  const lowered = password.toLowerCase();
  if (commonPasswords.has(lowered)) return "is one of the most common passwords; choose another";
  for (const word of context) {
    if (word.length >= 4 && lowered === word.toLowerCase()) return "must not be your name or email address";
  }
  return undefined;
}
