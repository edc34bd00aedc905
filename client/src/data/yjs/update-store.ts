/**
 * Where a device keeps each Yjs document's updates, so text edited offline survives a reload and
 * is sent when the room is reached. Updates are only ever added (or merged into one): Yjs applies
 * them in any order, any number of times, to the same result.
 */
export interface YjsUpdateStore {
  load(docName: string): Promise<Uint8Array[]>;
  append(docName: string, update: Uint8Array): Promise<void>;
  /** Replaces the document's first `count` stored updates with one merged update. */
  compact(docName: string, count: number, merged: Uint8Array): Promise<void>;
}

/** A store in memory: for tests, and for a browser that refuses IndexedDB (private windows). */
export class MemoryUpdateStore implements YjsUpdateStore {
  readonly #docs = new Map<string, Uint8Array[]>();

  async load(docName: string): Promise<Uint8Array[]> {
    return [...(this.#docs.get(docName) ?? [])];
  }

  async append(docName: string, update: Uint8Array): Promise<void> {
    this.#docs.set(docName, [...(this.#docs.get(docName) ?? []), update]);
  }

  async compact(docName: string, count: number, merged: Uint8Array): Promise<void> {
    this.#docs.set(docName, [merged, ...(this.#docs.get(docName) ?? []).slice(count)]);
  }
}
