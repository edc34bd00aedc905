import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type TableName, tables } from "@worktrackr/shared-schema";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { Logger } from "pino";
import { type WebSocket, WebSocketServer } from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { Viewer } from "../auth/viewer.js";
import type { Db } from "../db/db.js";
import type { UpgradeHandler } from "../live/upgrade.js";
import { visibleRow } from "../sync/rows.js";
import { applyServerMutation } from "../sync/server-mutation.js";
import { type TenantContext, withTenant } from "../tenancy/tenant-context.js";

const messageSync = 0;
const messageAwareness = 1;
export const yjsChannel = "worktrackr_yjs";
/** The shared type holding a document's text. */
export const textKey = "content";
const compactAfterUpdates = 200;
const writeBackDelayMs = 400;

/** A document name: `<table>:<row id>:<field>`, for a field shared-schema declares as Yjs text. */
export function parseDocName(name: string): { table: TableName; rowId: string; field: string } | undefined {
  const match = /^([a-z_]+):([0-9a-f-]{36}):([a-z_]+)$/.exec(name);
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  const table = tables[match[1] as TableName] as { yjsText?: readonly string[] } | undefined;
  if (!table?.yjsText?.includes(match[3])) return undefined;
  return { table: match[1] as TableName, rowId: match[2], field: match[3] };
}

interface Room {
  readonly name: string;
  readonly organisationId: string;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly conns: Map<WebSocket, Set<number>>;
  readonly ready: Promise<void>;
  /** Whose edit the next write-back is made as. */
  editor: TenantContext & { userId: string };
  writeBack: NodeJS.Timeout | undefined;
  /** Edited here since the last write-back. */
  isDirty: boolean;
  pendingUpdates: number;
}

const fromDb = Symbol("from the database or another instance");

/**
 * y-websocket rooms for this server instance. Updates are stored in Postgres and announced with
 * NOTIFY, so instances share every edit; a device that edited offline merges when it reconnects.
 * The plain text is written back to the row (through the sync path) so REST, search, reports and
 * devices that do not open the editor see it.
 */
export class YjsRooms implements UpgradeHandler {
  readonly #rooms = new Map<string, Room>();
  readonly #wss = new WebSocketServer({ noServer: true });
  #stop: (() => Promise<void>) | undefined;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {}

  async start(): Promise<void> {
    this.#stop = await this.db.listen(yjsChannel, (payload) => {
      this.#onRemoteUpdate(payload).catch((err: unknown) =>
        this.logger.warn({ err }, "could not apply a remote Yjs update"),
      );
    });
  }

  async stop(): Promise<void> {
    await this.#stop?.();
    for (const room of this.#rooms.values()) clearTimeout(room.writeBack);
    for (const client of this.#wss.clients) client.terminate();
  }

  matches(pathname: string): boolean {
    return pathname.startsWith("/yjs/");
  }

  handle(request: IncomingMessage, socket: Duplex, head: Buffer, viewer: Viewer & { organisationId: string }): void {
    const name = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname.slice("/yjs/".length));
    const doc = parseDocName(name);
    const refuse = (status: string) => {
      socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
    };
    if (!doc || !viewer.role) {
      refuse("404 Not Found");
      return;
    }
    const tenant = { organisationId: viewer.organisationId, userId: viewer.user.id, role: viewer.role };
    // The row must be one the member may see, in their tenant; otherwise it does not exist for them.
    withTenant(this.db, tenant, (tx) => visibleRow(tx, tenant, doc.table, doc.rowId)).then(
      (row) => {
        if (!row) return refuse("404 Not Found");
        this.#wss.handleUpgrade(request, socket, head, (ws) =>
          this.#join(ws, `${name}`, tenant, String(row[doc.field] ?? "")),
        );
      },
      (err: unknown) => {
        this.logger.error({ err }, "Yjs upgrade failed");
        refuse("500 Internal Server Error");
      },
    );
  }

  #join(ws: WebSocket, name: string, tenant: TenantContext & { userId: string }, currentText: string): void {
    const room = this.#room(name, tenant, currentText);
    room.conns.set(ws, new Set());
    ws.binaryType = "arraybuffer";
    ws.on("message", (data: ArrayBuffer) => {
      room.ready.then(
        () => this.#onMessage(room, ws, new Uint8Array(data), tenant),
        (err: unknown) => this.logger.error({ err }, "Yjs room failed to load"),
      );
    });
    ws.on("close", () => this.#leave(room, ws));
    room.ready.then(
      () => {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, messageSync);
        syncProtocol.writeSyncStep1(encoder, room.doc);
        ws.send(encoding.toUint8Array(encoder));
        const states = [...room.awareness.getStates().keys()];
        if (states.length > 0) {
          const aw = encoding.createEncoder();
          encoding.writeVarUint(aw, messageAwareness);
          encoding.writeVarUint8Array(aw, awarenessProtocol.encodeAwarenessUpdate(room.awareness, states));
          ws.send(encoding.toUint8Array(aw));
        }
      },
      () => ws.close(),
    );
  }

  #room(name: string, tenant: TenantContext & { userId: string }, currentText: string): Room {
    const existing = this.#rooms.get(name);
    if (existing) return existing;
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState(null);
    const room: Room = {
      name,
      organisationId: tenant.organisationId,
      doc,
      awareness,
      conns: new Map(),
      ready: this.#load(name, tenant, doc, currentText),
      editor: tenant,
      writeBack: undefined,
      isDirty: false,
      pendingUpdates: 0,
    };
    this.#rooms.set(name, room);
    doc.on("update", (update: Uint8Array, origin: unknown) => this.#onDocUpdate(room, update, origin));
    awareness.on("update", ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      const changed = [...(added ?? []), ...(updated ?? []), ...(removed ?? [])];
      const ids = origin instanceof Object && room.conns.get(origin as WebSocket);
      if (ids) {
        for (const id of added ?? []) ids.add(id);
        for (const id of removed ?? []) ids.delete(id);
      }
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageAwareness);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, changed));
      const message = encoding.toUint8Array(encoder);
      for (const conn of room.conns.keys()) conn.send(message);
    });
    return room;
  }

  /**
   * The document from its stored updates. A document opened for the first time starts from the
   * row's current text, created once under a lock so two instances cannot both seed it.
   */
  async #load(name: string, tenant: TenantContext, doc: Y.Doc, currentText: string): Promise<void> {
    const updates = await withTenant(this.db, tenant, async (tx) => {
      await tx.sql`select pg_advisory_xact_lock(hashtext(${name}))`;
      const stored = await tx.sql<{ update: Uint8Array }>`
        select update from yjs_updates where organisation_id = ${tenant.organisationId} and doc_name = ${name} order by id`;
      if (stored.length > 0 || currentText === "") return stored.map((s) => s.update);
      const seed = new Y.Doc();
      seed.getText(textKey).insert(0, currentText);
      const update = Y.encodeStateAsUpdate(seed);
      await tx.sql`insert into yjs_updates (organisation_id, doc_name, update) values (${tenant.organisationId}, ${name}, ${update})`;
      return [update];
    });
    Y.transact(
      doc,
      () => {
        for (const update of updates) Y.applyUpdate(doc, update, fromDb);
      },
      fromDb,
    );
  }

  #onMessage(room: Room, ws: WebSocket, message: Uint8Array, tenant: TenantContext & { userId: string }): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === messageSync) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageSync);
      room.editor = tenant;
      syncProtocol.readSyncMessage(decoder, encoder, room.doc, ws);
      if (encoding.length(encoder) > 1) ws.send(encoding.toUint8Array(encoder));
    } else if (type === messageAwareness) {
      awarenessProtocol.applyAwarenessUpdate(room.awareness, decoding.readVarUint8Array(decoder), ws);
    }
  }

  #onDocUpdate(room: Room, update: Uint8Array, origin: unknown): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeUpdate(encoder, update);
    const message = encoding.toUint8Array(encoder);
    for (const conn of room.conns.keys()) if (conn !== origin) conn.send(message);
    if (origin === fromDb) return;
    // An edit from a device connected here: store it, tell the other instances, write the text back.
    this.#persist(room, update).catch((err: unknown) =>
      this.logger.error({ err, doc: room.name }, "could not store a Yjs update"),
    );
    room.isDirty = true;
    clearTimeout(room.writeBack);
    room.writeBack = setTimeout(() => {
      this.#writeBack(room).catch((err: unknown) =>
        this.logger.warn({ err, doc: room.name }, "could not write Yjs text back"),
      );
    }, writeBackDelayMs);
  }

  async #persist(room: Room, update: Uint8Array): Promise<void> {
    const [row] = await withTenant(
      this.db,
      { ...room.editor },
      (tx) => tx.sql<{ id: number }>`
      insert into yjs_updates (organisation_id, doc_name, update) values (${room.organisationId}, ${room.name}, ${update})
      returning id`,
    );
    await this.db
      .sql`select pg_notify(${yjsChannel}, ${JSON.stringify({ o: room.organisationId, d: room.name, id: row?.id })})`;
    room.pendingUpdates += 1;
    if (room.pendingUpdates >= compactAfterUpdates) {
      room.pendingUpdates = 0;
      await this.#compact(room);
    }
  }

  /** Merges a document's stored updates into one, so loading it stays fast. */
  async #compact(room: Room): Promise<void> {
    await withTenant(this.db, room.editor, async (tx) => {
      await tx.sql`select pg_advisory_xact_lock(hashtext(${room.name}))`;
      const stored = await tx.sql<{ id: number; update: Uint8Array }>`
        select id, update from yjs_updates where organisation_id = ${room.organisationId} and doc_name = ${room.name} order by id`;
      if (stored.length < 2) return;
      const merged = Y.mergeUpdates(stored.map((s) => s.update));
      const lastId = stored.at(-1)?.id ?? 0;
      await tx.sql`delete from yjs_updates where organisation_id = ${room.organisationId} and doc_name = ${room.name} and id <= ${lastId}`;
      await tx.sql`insert into yjs_updates (organisation_id, doc_name, update) values (${room.organisationId}, ${room.name}, ${merged})`;
    });
  }

  async #writeBack(room: Room): Promise<void> {
    const doc = parseDocName(room.name);
    if (!doc || !room.isDirty) return;
    room.isDirty = false;
    const text = room.doc.getText(textKey).toString();
    await applyServerMutation(
      this.db,
      room.editor,
      doc.table,
      "upsert",
      { id: doc.rowId, [doc.field]: text },
      this.now(),
    );
  }

  async #onRemoteUpdate(payload: string): Promise<void> {
    const message = JSON.parse(payload) as { o?: string; d?: string; id?: number };
    const room = message.d ? this.#rooms.get(message.d) : undefined;
    if (!room || room.organisationId !== message.o || typeof message.id !== "number") return;
    await room.ready;
    const [row] = await withTenant(
      this.db,
      room.editor,
      (tx) => tx.sql<{ update: Uint8Array }>`
      select update from yjs_updates where organisation_id = ${room.organisationId} and id = ${message.id}`,
    );
    // Its own updates come back too; applying one twice changes nothing in Yjs.
    if (row) Y.applyUpdate(room.doc, row.update, fromDb);
  }

  #leave(room: Room, ws: WebSocket): void {
    const ids = room.conns.get(ws);
    room.conns.delete(ws);
    if (ids && ids.size > 0) awarenessProtocol.removeAwarenessStates(room.awareness, [...ids], null);
    if (room.conns.size === 0) {
      // The last editor left: write the text back now, then forget the room (it reloads from the database).
      clearTimeout(room.writeBack);
      this.#writeBack(room)
        .catch((err: unknown) => this.logger.warn({ err, doc: room.name }, "could not write Yjs text back"))
        .finally(() => {
          if (room.conns.size === 0) {
            room.doc.destroy();
            this.#rooms.delete(room.name);
          }
        });
    }
  }
}
