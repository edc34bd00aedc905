import { randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { loadConfig } from "../src/config/config.js";
import { type RunningServer, startServer } from "../src/start-server.js";
import { textKey } from "../src/yjs/rooms.js";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "./databases.js";

const origin = "http://localhost:8787";

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A device's editor: a Y.Doc connected over y-websocket with the user's session cookie. */
function editor(port: number, docName: string, cookie: string) {
  const doc = new Y.Doc();
  class CookieSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie, origin } });
    }
  }
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/yjs`, docName, doc, {
    WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket,
    connect: true,
    disableBc: true,
  });
  return { doc, provider, text: () => doc.getText(textKey).toString() };
}

describeEachDatabase("Yjs text", (kind) => {
  let test: TestDatabase | undefined;
  const servers: RunningServer[] = [];
  let cookie = "";
  beforeAll(async () => {
    test = kind === "postgres" ? await createTestDatabase(kind) : undefined;
    const base = { PORT: "0", HOST: "127.0.0.1", SEED_DEMO: "false", LOG_LEVEL: "silent", APP_BASE_URL: origin };
    for (let i = 0; i < (kind === "postgres" ? 2 : 1); i++) {
      const dataDir = await mkdtemp(join(tmpdir(), "wt-yjs-"));
      const config = loadConfig(
        kind === "postgres" ? { ...base, DATABASE_URL: test?.url, DATA_DIR: dataDir } : { ...base, DATA_DIR: dataDir },
      );
      servers.push(await startServer(config, pino({ level: "silent" })));
    }
    const res = await fetch(`http://127.0.0.1:${servers[0]?.port}/api/auth/register`, {
      method: "POST",
      headers: { "content-type": "application/json", origin },
      body: JSON.stringify({
        name: "Ed",
        email: `ed-${randomUUID()}@example.com`,
        password: "correct horse battery staple",
        organisationName: "Yjs Co",
      }),
    });
    cookie = (res.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await test?.drop();
  });

  const api = (path: string, init: { method?: string; body?: unknown } = {}) =>
    fetch(`http://127.0.0.1:${servers[0]?.port}${path}`, {
      method: init.method ?? "GET",
      headers: { "content-type": "application/json", origin, cookie },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });

  it("merges concurrent offline edits from two devices character-wise and writes the text back to the ticket", async () => {
    const ticket = (await (
      await api("/api/tickets", { method: "POST", body: { title: "Boiler", description: "Boiler pressure low" } })
    ).json()) as { id: string };
    const name = `tickets:${ticket.id}:description`;
    const first = servers[0];
    const second = servers[1] ?? first;
    if (!first || !second) throw new Error("no server");
    const a = editor(first.port, name, cookie);
    const b = editor(second.port, name, cookie);
    await until(() => a.provider.synced && b.provider.synced, "both editors to sync");
    expect(a.text()).toBe("Boiler pressure low");

    // Both go offline and edit different places of the same text.
    a.provider.disconnect();
    b.provider.disconnect();
    a.doc.getText(textKey).insert("Boiler pressure low".length, " since Monday");
    b.doc.getText(textKey).insert(0, "URGENT: ");
    a.provider.connect();
    b.provider.connect();

    const merged = "URGENT: Boiler pressure low since Monday";
    await until(() => a.text() === merged && b.text() === merged, "both editors to converge");
    await until(
      async () =>
        ((await (await api(`/api/tickets/${ticket.id}`)).json()) as { description: string }).description === merged,
      "the write-back",
    );
    a.provider.destroy();
    b.provider.destroy();

    // A device opening it later starts from the stored document.
    const c = editor(second.port, name, cookie);
    await until(() => c.provider.synced && c.text() === merged, "a later editor to load the document");
    c.provider.destroy();
  });

  it("refuses a document for a row the user cannot see, or a field that is not Yjs text", async () => {
    const port = servers[0]?.port ?? 0;
    const attempt = (docName: string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/yjs/${docName}`, { headers: { cookie, origin } });
        ws.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
        ws.once("open", () => {
          ws.close();
          resolve(101);
        });
      });
    expect(await attempt(`tickets:${randomUUID()}:description`)).toBe(404);
    const ticket = (await (await api("/api/tickets", { method: "POST", body: { title: "T" } })).json()) as {
      id: string;
    };
    expect(await attempt(`tickets:${ticket.id}:title`)).toBe(404);
    expect(await attempt(`tickets:${ticket.id}:description`)).toBe(101);
  });
});
