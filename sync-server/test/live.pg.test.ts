import { randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { protocolVersion, type syncApi } from "@worktrackr/shared-schema";
import { pino } from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import WebSocket from "ws";
import { loadConfig } from "../src/config/config.js";
import { type RunningServer, startServer } from "../src/start-server.js";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "./databases.js";

const origin = "http://localhost:8787";

async function settings(kind: "pglite" | "postgres", test: TestDatabase | undefined) {
  const base = { PORT: "0", HOST: "127.0.0.1", SEED_DEMO: "false", LOG_LEVEL: "silent", APP_BASE_URL: origin };
  const dataDir = await mkdtemp(join(tmpdir(), "wt-live-"));
  return loadConfig(
    kind === "postgres" ? { ...base, DATABASE_URL: test?.url, DATA_DIR: dataDir } : { ...base, DATA_DIR: dataDir },
  );
}

async function register(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({
      name: "Live",
      email: `live-${randomUUID()}@example.com`,
      password: "correct horse battery staple",
      organisationName: "Live Co",
    }),
  });
  expect(res.status).toBe(201);
  return (res.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
}

/** A live socket and the pokes it receives. */
async function connect(port: number, headers: Record<string, string>) {
  const pokes: syncApi.LivePoke[] = [];
  const waiters: (() => void)[] = [];
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api/sync/live`, { headers });
  ws.on("message", (data) => {
    pokes.push(JSON.parse(String(data)) as syncApi.LivePoke);
    for (const w of waiters.splice(0)) w();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("unexpected-response", (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once("error", reject);
  });
  const next = (after: number, timeoutMs: number) =>
    new Promise<syncApi.LivePoke>((resolve, reject) => {
      const check = () => {
        const found = pokes.find((p) => p.version > after);
        if (found) resolve(found);
        else waiters.push(check);
      };
      setTimeout(() => reject(new Error("no poke in time")), timeoutMs);
      check();
    });
  return { ws, pokes, next };
}

const push = (port: number, cookie: string) =>
  fetch(`http://127.0.0.1:${port}/api/sync/push`, {
    method: "POST",
    headers: { "content-type": "application/json", origin, cookie },
    body: JSON.stringify({
      clientId: "live-test",
      protocolVersion,
      mutations: [
        {
          id: randomUUID(),
          table: "contacts",
          op: "upsert",
          row: { id: randomUUID(), name: "Poked" },
          hlc: `${new Date().toISOString()}-0000-live-test`,
        },
      ],
    }),
  });

describeEachDatabase("sync: live pokes", (kind) => {
  let test: TestDatabase | undefined;
  const servers: RunningServer[] = [];
  beforeAll(async () => {
    test = kind === "postgres" ? await createTestDatabase(kind) : undefined;
    servers.push(await startServer(await settings(kind, test), pino({ level: "silent" })));
    // A second instance on the same PostgreSQL, as behind a load balancer.
    if (kind === "postgres") servers.push(await startServer(await settings(kind, test), pino({ level: "silent" })));
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await test?.drop();
  });

  it(
    kind === "postgres"
      ? "pokes a device connected to one instance within a second of a push to the other"
      : "pokes a connected device within a second of a push",
    async () => {
      const first = servers[0];
      const second = servers[1] ?? first;
      if (!first || !second) throw new Error("no server");
      const cookie = await register(first.port);
      const live = await connect(second.port, { cookie, origin });
      const hello = await live.next(-1, 2000);
      const started = Date.now();
      expect((await push(first.port, cookie)).status).toBe(200);
      const poke = await live.next(hello.version, 1000);
      expect(poke.version).toBeGreaterThan(hello.version);
      expect(Date.now() - started).toBeLessThan(1000);
      live.ws.close();
    },
  );

  it("refuses a live socket from another site or without a session", async () => {
    const [server] = servers;
    if (!server) throw new Error("no server");
    const cookie = await register(server.port);
    await expect(connect(server.port, { cookie, origin: "https://evil.example.com" })).rejects.toThrow("HTTP 403");
    await expect(connect(server.port, { origin })).rejects.toThrow("HTTP 401");
  });
});
