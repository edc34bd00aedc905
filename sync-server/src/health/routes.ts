import { Hono } from "hono";
import type { Db } from "../db/db.js";

/** GET /health: 200 "ok" only when the database answers, so a load balancer drops a broken instance. */
export function healthRoutes(db: Db) {
  return new Hono().get("/", async (c) => {
    try {
      await db.sql`select 1`;
      return c.text("ok");
    } catch {
      return c.text("database unavailable", 503);
    }
  });
}
