import type { syncApi } from "@worktrackr/shared-schema";
import type { Logger } from "pino";
import type { Db } from "../db/db.js";
import { syncChannel } from "../sync/push.js";

export interface LiveSocket {
  send(message: string): void;
}

/**
 * Pokes every device connected to this instance when its tenant's version moves. Versions arrive
 * through Postgres NOTIFY, sent in the pushing transaction, so instances behind a load balancer
 * behave as one and no poke announces an uncommitted change.
 */
export class LiveHub {
  readonly #sockets = new Map<string, Set<LiveSocket>>();
  #stop: (() => Promise<void>) | undefined;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    this.#stop = await this.db.listen(syncChannel, (payload) => this.#onNotify(payload));
  }

  async stop(): Promise<void> {
    await this.#stop?.();
  }

  join(organisationId: string, socket: LiveSocket): () => void {
    let sockets = this.#sockets.get(organisationId);
    if (!sockets) {
      sockets = new Set();
      this.#sockets.set(organisationId, sockets);
    }
    sockets.add(socket);
    return () => {
      sockets.delete(socket);
      if (sockets.size === 0) this.#sockets.delete(organisationId);
    };
  }

  get connections(): number {
    let n = 0;
    for (const sockets of this.#sockets.values()) n += sockets.size;
    return n;
  }

  #onNotify(payload: string): void {
    let message: { o?: unknown; v?: unknown };
    try {
      message = JSON.parse(payload) as { o?: unknown; v?: unknown };
    } catch {
      this.logger.warn({ payload }, "ignored a malformed sync notification");
      return;
    }
    if (typeof message.o !== "string" || typeof message.v !== "number") return;
    const poke: syncApi.LivePoke = { type: "poke", version: message.v };
    const text = JSON.stringify(poke);
    for (const socket of this.#sockets.get(message.o) ?? []) socket.send(text);
  }
}
