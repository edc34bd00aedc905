import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDeps } from "../test/test-deps.js";
import { createApp } from "./app.js";
import type { Db } from "./db/db.js";
import { openPglite } from "./db/pglite-adapter.js";
import { AppError } from "./http/app-error.js";
import { errorHandler } from "./http/error-handler.js";

const logger = pino({ level: "silent" });

describe("HTTP surface", () => {
  let db: Db;
  let dist: string;

  beforeAll(async () => {
    db = await openPglite(undefined);
    dist = await mkdtemp(join(tmpdir(), "wt-dist-"));
    await mkdir(join(dist, "assets"));
    await writeFile(join(dist, "index.html"), "<!doctype html><title>WorkTrackr</title>");
    await writeFile(join(dist, "assets", "app-abc123.js"), "console.log('app')");
    await writeFile(join(dist, "sw.js"), "self.addEventListener('fetch', () => {})");
  });
  afterAll(async () => {
    await db.close();
  });

  it("answers /health with 200 ok while the database answers", async () => {
    const res = await createApp(testDeps(db), { clientDist: dist }).request("/health");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok");
  });

  it("answers /health with 503 when the database does not answer", async () => {
    const broken: Db = { ...db, sql: () => Promise.reject(new Error("connection lost")) };
    const res = await createApp(testDeps(broken), { clientDist: dist }).request("/health");
    expect(res.status).toBe(503);
  });

  it("serves the PWA's index.html for app routes (SPA fallback)", async () => {
    const res = await createApp(testDeps(db), { clientDist: dist }).request("/tickets/123");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<title>WorkTrackr</title>");
    expect(res.headers.get("cache-control")).toBe("no-cache");
  });

  it("caches hashed assets for a year but revalidates the service worker", async () => {
    const app = createApp(testDeps(db), { clientDist: dist });
    expect((await app.request("/assets/app-abc123.js")).headers.get("cache-control")).toContain("immutable");
    expect((await app.request("/sw.js")).headers.get("cache-control")).toBe("no-cache");
  });

  it("answers an unknown API route with a JSON 404, never the PWA", async () => {
    const res = await createApp(testDeps(db), { clientDist: dist }).request("/api/nothing-here");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: "No API route GET /api/nothing-here." } });
  });

  it("does not serve files outside the PWA's folder", async () => {
    const res = await createApp(testDeps(db), { clientDist: dist }).request("/..%2F..%2Fetc%2Fpasswd");
    expect(await res.text()).not.toContain("root:");
  });

  it("answers an unexpected error with a plain 500 message and no stack trace", async () => {
    const app = new Hono()
      .get("/explode", () => {
        throw new Error("secret internals at /srv/app.ts:42");
      })
      .onError(errorHandler(logger));
    const res = await app.request("/explode");
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(JSON.parse(text)).toEqual({
      error: { code: "internal", message: "Something went wrong on our side. Please try again." },
    });
    expect(text).not.toContain("secret internals");
  });

  it("answers an application error with its status, message and field", async () => {
    const app = new Hono()
      .get("/taken", () => {
        throw new AppError("conflict", "That email address is already registered.", "email");
      })
      .onError(errorHandler(logger));
    const res = await app.request("/taken");
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: { code: "conflict", message: "That email address is already registered.", field: "email" },
    });
  });
});
