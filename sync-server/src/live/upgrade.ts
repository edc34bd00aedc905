import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import type { syncApi } from "@worktrackr/shared-schema";
import { parse } from "hono/utils/cookie";
import { WebSocketServer } from "ws";
import { cookieNames } from "../auth/session-cookie.js";
import { validateSessionToken } from "../auth/sessions.js";
import { loadViewer, type Viewer } from "../auth/viewer.js";
import { allowedOriginsOf } from "../http/origin-check.js";
import { isSecure, type ServerDeps } from "../server-deps.js";
import type { LiveHub } from "./hub.js";

/** Another WebSocket endpoint (Yjs) that claims upgrade requests for its own paths. */
export interface UpgradeHandler {
  matches(pathname: string): boolean;
  handle(request: IncomingMessage, socket: Duplex, head: Buffer, viewer: Viewer & { organisationId: string }): void;
}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.write(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

const heartbeatMs = 30_000;

/**
 * WebSocket upgrades on the API's port: /api/sync/live (version pokes) and whatever other handlers
 * claim. Each is authorised like any request (the session cookie, a member of an organisation) and
 * must come from the app's own origin, so another site cannot open one with the user's cookie.
 */
export function attachWebSockets(
  server: Server,
  deps: ServerDeps,
  hub: LiveHub,
  others: readonly UpgradeHandler[] = [],
) {
  const wss = new WebSocketServer({ noServer: true });
  const origins = allowedOriginsOf(deps.appBaseUrl, deps.allowedHosts);
  const sessionCookie = cookieNames(isSecure(deps)).session;

  const authorise = async (request: IncomingMessage) => {
    const origin = request.headers.origin;
    if (origin !== undefined && !origins.has(origin)) return "origin" as const;
    const token = parse(request.headers.cookie ?? "")[sessionCookie];
    const session = token ? await validateSessionToken(deps.db, token, deps.now()) : null;
    const viewer = session ? await loadViewer(deps.db, session) : null;
    if (!viewer?.organisationId) return "session" as const;
    return viewer as Viewer & { organisationId: string };
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    const other = others.find((h) => h.matches(pathname));
    if (pathname !== "/api/sync/live" && !other) {
      refuse(socket, 404, "Not Found");
      return;
    }
    authorise(request).then(
      (viewer) => {
        if (viewer === "origin") return refuse(socket, 403, "Forbidden");
        if (viewer === "session") return refuse(socket, 401, "Unauthorized");
        if (other) return other.handle(request, socket, head, viewer);
        wss.handleUpgrade(request, socket, head, (ws) => {
          const leave = hub.join(viewer.organisationId, { send: (message) => ws.send(message) });
          let isAlive = true;
          ws.on("pong", () => {
            isAlive = true;
          });
          // Drops sockets whose device vanished (a phone in a tunnel) instead of poking them forever.
          const heartbeat = setInterval(() => {
            if (!isAlive) return ws.terminate();
            isAlive = false;
            ws.ping();
          }, heartbeatMs);
          ws.on("close", () => {
            clearInterval(heartbeat);
            leave();
          });
          deps.db.sql<{
            version: number;
          }>`select version from sync_versions where organisation_id = ${viewer.organisationId}`.then(
            ([row]) => {
              const hello: syncApi.LivePoke = { type: "poke", version: row?.version ?? 0 };
              ws.send(JSON.stringify(hello));
            },
            (err: unknown) => deps.logger.warn({ err }, "could not read the tenant version for a new live socket"),
          );
        });
      },
      (err: unknown) => {
        deps.logger.error({ err }, "websocket upgrade failed");
        refuse(socket, 500, "Internal Server Error");
      },
    );
  };
  server.on("upgrade", onUpgrade);
  return {
    close: () => {
      server.off("upgrade", onUpgrade);
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
