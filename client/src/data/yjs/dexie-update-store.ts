import { Dexie, type EntityTable } from "dexie";
import type { YjsUpdateStore } from "./update-store.js";

interface UpdateRecord {
  /** Auto-increment: the order updates were stored in. */
  readonly seq: number;
  readonly docName: string;
  readonly update: Uint8Array;
}

type YjsDatabase = Dexie & { updates: EntityTable<UpdateRecord, "seq"> };

/**
 * The IndexedDB name of a user's Yjs documents. It starts like the user's replicas, so signing
 * out (wipeDeviceData) deletes it with them.
 */
export const yjsDatabaseName = (userId: string) => `worktrackr-${userId}-yjs`;

/** The localStorage keys of a user's journaled text edits; also named so sign-out clears them. */
export const yjsJournalPrefix = (userId: string) => `worktrackr-${userId}-yjs-journal:`;

/** A user's Yjs updates in their own Dexie database, beside (not inside) the replica and outbox. */
export class DexieUpdateStore implements YjsUpdateStore {
  readonly #db: YjsDatabase;

  constructor(userId: string) {
    this.#db = new Dexie(yjsDatabaseName(userId)) as YjsDatabase;
    this.#db.version(1).stores({ updates: "++seq, [docName+seq]" });
  }

  #ofDoc(docName: string) {
    return this.#db.updates.where("[docName+seq]").between([docName, Dexie.minKey], [docName, Dexie.maxKey]);
  }

  async load(docName: string): Promise<Uint8Array[]> {
    return (await this.#ofDoc(docName).toArray()).map((r) => r.update);
  }

  async append(docName: string, update: Uint8Array): Promise<void> {
    await this.#db.updates.add({ docName, update } as UpdateRecord);
  }

  async compact(docName: string, count: number, merged: Uint8Array): Promise<void> {
    await this.#db.transaction("rw", this.#db.updates, async () => {
      const oldest = await this.#ofDoc(docName).limit(count).primaryKeys();
      await this.#db.updates.bulkDelete(oldest);
      // Before every update kept: the merged one takes the place of the ones it replaces.
      await this.#db.updates.add({ seq: (oldest[0] ?? 0) as number, docName, update: merged });
    });
  }

  close(): void {
    this.#db.close();
  }
}
