import { syncApi } from "@worktrackr/shared-schema";
import { backoffDelay } from "./backoff.js";

export interface LiveConnection {
  /** Connects now if not connected (the device came back online); resets the backoff. */
  reconnectNow(): void;
  close(): void;
}

export interface LiveSocketOptions {
  readonly url: string;
  /** The tenant moved to this version: pull if the replica is behind it. */
  readonly onPoke: (version: number) => void;
  readonly isOnline: () => boolean;
  readonly createSocket?: (url: string) => WebSocket;
}

/** The live socket's address on this origin. */
export const liveSocketUrl = (location: Location) =>
  `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/api/sync/live`;

/**
 * /api/sync/live: the server pokes with the tenant's version whenever it moves (and once on
 * connect), so other people's changes arrive without waiting for the timer. A dropped socket
 * reconnects with backoff; while the device is offline it waits for reconnectNow().
 */
export function connectLive(options: LiveSocketOptions): LiveConnection {
  const createSocket = options.createSocket ?? ((url) => new WebSocket(url));
  let socket: WebSocket | null = null;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let isClosed = false;

  const scheduleRetry = () => {
    clearTimeout(retryTimer);
    if (isClosed || !options.isOnline()) return;
    failures += 1;
    retryTimer = setTimeout(open, backoffDelay(failures));
  };

  function open() {
    clearTimeout(retryTimer);
    if (isClosed || socket) return;
    const current = createSocket(options.url);
    socket = current;
    current.addEventListener("open", () => {
      failures = 0;
    });
    current.addEventListener("message", (event: MessageEvent) => {
      if (typeof event.data !== "string") return;
      let data: unknown;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      const poke = syncApi.ZLivePoke.safeParse(data);
      if (poke.success) options.onPoke(poke.data.version);
    });
    current.addEventListener("close", () => {
      if (socket === current) socket = null;
      scheduleRetry();
    });
  }

  open();
  return {
    reconnectNow() {
      failures = 0;
      open();
    },
    close() {
      isClosed = true;
      clearTimeout(retryTimer);
      socket?.close();
      socket = null;
    },
  };
}
