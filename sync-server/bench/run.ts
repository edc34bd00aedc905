// npm run bench: the sync engine's figures beside the naive one-request-per-row REST path, on
// PGlite and (when DATABASE_URL is set) PostgreSQL. Not a test: it prints, it does not judge.
import { randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate } from "@worktrackr/migrations";
import { protocolVersion, type syncApi } from "@worktrackr/shared-schema";
import { pino } from "pino";
import WebSocket from "ws";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config/config.js";
import type { Db } from "../src/db/db.js";
import { startServer } from "../src/start-server.js";
import { applyPush } from "../src/sync/push.js";
import { createTestDatabase, type DatabaseKind } from "../test/databases.js";
import { expectStatus, TestBrowser } from "../test/http-client.js";
import { testDeps } from "../test/test-deps.js";

const origin = "http://localhost:8787";
const rows = Number(process.env.BENCH_ROWS ?? 100_000);
const lines: string[][] = [];

function report(kind: string, what: string, figure: string, baseline = "", ratio = "") {
  lines.push([kind, what, figure, baseline, ratio]);
  process.stdout.write(`${[kind, what, figure, baseline, ratio].filter(Boolean).join("  |  ")}\n`);
}

const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);
const fmt = (n: number) => n.toLocaleString("en-GB");

async function signUp(app: ReturnType<typeof createApp>): Promise<TestBrowser> {
  const browser = new TestBrowser(app);
  await expectStatus(
    await browser.post("/api/auth/register", {
      name: "Bench",
      email: `bench-${randomUUID()}@example.com`,
      password: "correct horse battery staple",
      organisationName: "Bench Co",
    }),
    201,
  );
  return browser;
}

const hlc = (i: number, client: string) =>
  `${new Date().toISOString()}-${(i % 0xffff).toString(16).padStart(4, "0")}-${client}`;

function ticketMutations(n: number, client: string): syncApi.Mutation[] {
  return Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    table: "tickets",
    op: "upsert" as const,
    row: { id: randomUUID(), title: `Bench ticket ${i}`, priority: "medium" },
    hlc: hlc(i, client),
  }));
}

/** The engine alone (resolve, write, log, record), without HTTP, JSON or the client's own work. */
async function engineThroughput(kind: string, db: Db) {
  const [member] = await db.sql<{
    organisation_id: string;
    user_id: string;
  }>`select organisation_id, user_id from memberships limit 1`;
  if (!member) throw new Error("no member");
  const tenant = { organisationId: member.organisation_id, userId: member.user_id, role: "admin" as const };
  const total = 20_000;
  const started = performance.now();
  for (let sent = 0; sent < total; sent += 1000) {
    await applyPush(db, { tenant, clientId: "engine", mutations: ticketMutations(1000, "engine"), now: new Date() });
  }
  report(
    kind,
    `push engine without HTTP, batches of 1000 (${fmt(total)} mutations)`,
    `${fmt(rate(total, performance.now() - started))} mutations/s`,
  );
}

async function pushThroughput(kind: string, browser: TestBrowser) {
  for (const batch of [100, 1000]) {
    const total = batch === 100 ? 5_000 : 20_000;
    const started = performance.now();
    for (let sent = 0; sent < total; sent += batch) {
      await expectStatus(
        await browser.post("/api/sync/push", {
          clientId: "bench",
          protocolVersion,
          mutations: ticketMutations(batch, "bench"),
        }),
        200,
      );
    }
    const pushMs = performance.now() - started;

    const naiveCount = 1_000;
    const naiveStarted = performance.now();
    for (let i = 0; i < naiveCount; i++) {
      await expectStatus(await browser.post("/api/tickets", { title: `Naive ticket ${i}` }), 201);
    }
    const naiveMs = performance.now() - naiveStarted;
    const pushRate = rate(total, pushMs);
    const naiveRate = rate(naiveCount, naiveMs);
    report(
      kind,
      `push, batches of ${batch} (${fmt(total)} mutations)`,
      `${fmt(pushRate)} mutations/s`,
      `REST one per request: ${fmt(naiveRate)}/s`,
      `${(pushRate / naiveRate).toFixed(1)}x`,
    );
  }
}

async function seedRows(db: Db, organisationId: string, n: number) {
  await db.begin(async (tx) => {
    await tx.sql`select set_config('app.organisation_id', ${organisationId}, true)`;
    await tx.sql`
      insert into tickets (organisation_id, title, description, priority, status)
      select ${organisationId}, 'Seeded ticket ' || g, 'Seeded for the initial-sync benchmark', 'medium', 'open'
      from generate_series(1, ${n}) g`;
  });
}

async function initialSync(kind: string, db: Db, browser: TestBrowser) {
  const [session] = await db.sql<{ organisation_id: string }>`select organisation_id from memberships limit 1`;
  const org = session?.organisation_id ?? "";
  const seedStarted = performance.now();
  await seedRows(db, org, rows);
  report(
    kind,
    `seed ${fmt(rows)} tickets (one statement, logged by the trigger)`,
    `${Math.round(performance.now() - seedStarted)} ms`,
  );

  let peakRss = process.memoryUsage().rss;
  const baseRss = peakRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  let cursor = 0;
  let received = 0;
  const started = performance.now();
  for (;;) {
    const page = await expectStatus<syncApi.PullResponse>(
      await browser.get(`/api/sync/pull?cursor=${cursor}&limit=5000`),
      200,
    );
    received += page.changes.length;
    cursor = page.cursor;
    if (!page.more) break;
  }
  const pullMs = performance.now() - started;
  clearInterval(sampler);

  const ids = await db.sql<{ id: string }>`select id from tickets where organisation_id = ${org} limit 2000`;
  const naiveStarted = performance.now();
  for (const { id } of ids) await expectStatus(await browser.get(`/api/tickets/${id}`), 200);
  const naiveMs = performance.now() - naiveStarted;
  const pullRate = rate(received, pullMs);
  const naiveRate = rate(ids.length, naiveMs);
  report(
    kind,
    `initial sync of ${fmt(received)} rows (pages of 5,000)`,
    `${fmt(pullRate)} rows/s (${(pullMs / 1000).toFixed(1)} s)`,
    `REST one per request: ${fmt(naiveRate)} rows/s`,
    `${(pullRate / naiveRate).toFixed(1)}x`,
  );
  report(
    kind,
    "server process memory during that sync (peak RSS, includes an embedded PGlite)",
    `${Math.round(peakRss / 2 ** 20)} MiB (+${Math.round((peakRss - baseRss) / 2 ** 20)} MiB)`,
  );
}

/** Push on one device, pulled by another that is connected live: median and p99 with 50 devices connected. */
async function liveLatency(kind: DatabaseKind, url: string | undefined) {
  const dataDir = await mkdtemp(join(tmpdir(), "wt-bench-"));
  const base = { PORT: "0", HOST: "127.0.0.1", SEED_DEMO: "false", LOG_LEVEL: "silent", APP_BASE_URL: origin };
  const server = await startServer(
    loadConfig(
      kind === "postgres" ? { ...base, DATABASE_URL: url, DATA_DIR: dataDir } : { ...base, DATA_DIR: dataDir },
    ),
    pino({ level: "silent" }),
  );
  const http = (path: string, cookie: string, init: { method?: string; body?: unknown } = {}) =>
    fetch(`http://127.0.0.1:${server.port}${path}`, {
      method: init.method ?? "GET",
      headers: { "content-type": "application/json", origin, cookie },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
  const res = await http("/api/auth/register", "", {
    method: "POST",
    body: {
      name: "Live",
      email: `live-${randomUUID()}@example.com`,
      password: "correct horse battery staple",
      organisationName: "Live bench",
    },
  });
  const cookie = (res.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
  let cursor = 0;
  for (;;) {
    const page = (await (
      await http(`/api/sync/pull?cursor=${cursor}&limit=5000`, cookie)
    ).json()) as syncApi.PullResponse;
    cursor = page.cursor;
    if (!page.more) break;
  }
  const sockets: WebSocket[] = [];
  let onPoke: ((version: number) => void) | undefined;
  for (let i = 0; i < 50; i++) {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/sync/live`, { headers: { cookie, origin } });
    await new Promise((r) => ws.once("open", r));
    if (i === 0) ws.on("message", (data) => onPoke?.((JSON.parse(String(data)) as syncApi.LivePoke).version));
    sockets.push(ws);
  }
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    const poked = new Promise<number>((resolve) => {
      onPoke = (v) => {
        if (v > cursor) resolve(v);
      };
    });
    await http("/api/sync/push", cookie, {
      method: "POST",
      body: { clientId: "live-bench", protocolVersion, mutations: ticketMutations(1, "live-bench") },
    });
    await poked;
    const page = (await (
      await http(`/api/sync/pull?cursor=${cursor}&limit=100`, cookie)
    ).json()) as syncApi.PullResponse;
    cursor = page.cursor;
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)] ?? 0;
  const p99 = samples[Math.floor(samples.length * 0.99)] ?? 0;
  report(
    kind,
    "push → poke → pull on another device (50 devices live, 200 pushes)",
    `median ${median.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`,
  );
  for (const ws of sockets) ws.close();
  await server.close();
}

const kinds: DatabaseKind[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
if (!process.env.DATABASE_URL) process.stdout.write("DATABASE_URL is not set: PGlite only.\n");
for (const kind of kinds) {
  const test = await createTestDatabase(kind);
  try {
    await migrate(test.db);
    const app = createApp(testDeps(test.db), { clientDist: undefined });
    const browser = await signUp(app);
    await pushThroughput(kind, browser);
    await engineThroughput(kind, test.db);
    await initialSync(kind, test.db, browser);
    await liveLatency(kind, test.url);
  } finally {
    await test.drop();
  }
}
process.stdout.write("\nSummary\n");
for (const line of lines) process.stdout.write(`${line.filter(Boolean).join("  |  ")}\n`);
