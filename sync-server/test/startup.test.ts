import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));

/** Starts the real server process and returns what it printed and its exit code. */
async function start(env: Record<string, string>): Promise<{ code: number; stderr: string; stdout: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", main], {
      env: { PATH: process.env.PATH ?? "", ...env },
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("start-up with a wrong setting", () => {
  it("stops with one clear line naming DATABASE_URL when the database is unreachable", async () => {
    const result = await start({ DATABASE_URL: "postgres://worktrackr:secret@127.0.0.1:1/worktrackr" });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "worktrackr: DATABASE_URL: cannot connect to PostgreSQL at 127.0.0.1:1/worktrackr: connection refused\n",
    );
    expect(result.stdout).toBe("");
  });

  it("stops with one clear line naming the setting when a value is malformed", async () => {
    const result = await start({ DATABASE_URL: "localhost:5432" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^worktrackr: configuration error: DATABASE_URL: /);
  });

  it("stops with one clear line when the port is taken", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "wt-data-"));
    const { createServer } = await import("node:net");
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, "127.0.0.1", () => done()));
    const address = blocker.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const result = await start({
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        LOG_LEVEL: "silent",
        SEED_DEMO: "false",
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`worktrackr: PORT: ${port} is already in use by another program\n`);
    } finally {
      blocker.close();
    }
  });
});
