import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { protocolVersion, type syncApi } from "@worktrackr/shared-schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./databases.js";

const origin = "http://localhost:8787";
const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));

/** The real server in its own process, so it can be killed like a crashed machine. */
async function spawnServer(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ["--import", "tsx", main], {
    env: {
      PATH: process.env.PATH ?? "",
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      SEED_DEMO: "false",
      APP_BASE_URL: origin,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /"port":(\d+)[^\n]*"msg":"listening"/.exec(out);
      if (match?.[1]) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
    setTimeout(() => reject(new Error("server did not start")), 30_000);
  });
  return { child, port };
}

// An embedded database belongs to the process that is killed; this is PostgreSQL's story.
describe.skipIf(!process.env.DATABASE_URL)("sync: a server killed in the middle of a push [postgres]", () => {
  const kind = "postgres" as const;
  let test: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    test = await createTestDatabase(kind);
    dataDir = await mkdtemp(join(tmpdir(), "wt-crash-"));
  });
  afterAll(async () => {
    await test.drop();
  });

  it("loses nothing and duplicates nothing when the device resends the batch after a restart", async () => {
    const env = { DATABASE_URL: test.url ?? "", DATA_DIR: dataDir };
    let server = await spawnServer(env);
    const register = await fetch(`http://127.0.0.1:${server.port}/api/auth/register`, {
      method: "POST",
      headers: { "content-type": "application/json", origin },
      body: JSON.stringify({
        name: "Crash",
        email: "crash@example.com",
        password: "correct horse battery staple",
        organisationName: "Crash Co",
      }),
    });
    const cookie = (register.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    let interrupted = 0;
    const allIds: string[] = [];
    for (const killAfterMs of [5, 20, 40, 80, 160]) {
      const request: syncApi.PushRequest = {
        clientId: "crash-device",
        protocolVersion,
        mutations: Array.from({ length: 1000 }, (_, i) => ({
          id: randomUUID(),
          table: "tickets",
          op: "upsert" as const,
          row: { id: randomUUID(), title: `Crash ticket ${killAfterMs}-${i}` },
          hlc: `${new Date().toISOString()}-${i.toString(16).padStart(4, "0")}-crash-device`,
        })),
      };
      allIds.push(...request.mutations.map((m) => String(m.row.id)));
      const send = (port: number) =>
        fetch(`http://127.0.0.1:${port}/api/sync/push`, {
          method: "POST",
          headers: { "content-type": "application/json", origin, cookie },
          body: JSON.stringify(request),
        });
      const first = send(server.port).then(
        (r) => r.status,
        () => 0,
      );
      await new Promise((r) => setTimeout(r, killAfterMs));
      server.child.kill("SIGKILL");
      if ((await first) !== 200) interrupted += 1;
      server = await spawnServer(env);
      const retry = (await (await send(server.port)).json()) as syncApi.PushResponse;
      expect(retry.acks.map((a) => a.status)).toEqual(request.mutations.map(() => "applied"));
    }
    server.child.kill("SIGKILL");
    expect(interrupted).toBeGreaterThan(0);
    const [tickets] = await test.db.sql<{ n: number; distinct_titles: number }>`
      select count(*)::int as n, count(distinct title)::int as distinct_titles from tickets where id = any(${allIds}::uuid[])`;
    expect(tickets).toEqual({ n: 5000, distinct_titles: 5000 });
    const [applied] = await test.db.sql<{ n: number }>`
      select count(*)::int as n from applied_mutations where client_id = 'crash-device'`;
    expect(applied?.n).toBe(5000);
  });
});
