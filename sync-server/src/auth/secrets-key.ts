import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * The key that seals secrets at rest. Production sets SECRETS_KEY (the configuration refuses to
 * start without it); development keeps a generated key beside its data, so TOTP keys survive restarts.
 */
export async function loadSecretsKey(configured: Uint8Array | undefined, dataDir: string): Promise<Uint8Array> {
  if (configured) return configured;
  const file = join(dataDir, "secrets.key");
  try {
    const key = Buffer.from((await readFile(file, "utf8")).trim(), "base64");
    if (key.length === 32) return new Uint8Array(key);
  } catch {
    // No key yet: make one below.
  }
  const key = randomBytes(32);
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${key.toString("base64")}\n`, { mode: 0o600 });
  return new Uint8Array(key);
}
