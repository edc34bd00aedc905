/** One journaled update, named so it can be dropped once IndexedDB holds it. */
export interface JournalEntry {
  readonly id: string;
  readonly update: Uint8Array;
}

interface StoredEntry {
  readonly id: string;
  readonly base64: string;
}

const toBase64 = (bytes: Uint8Array) => {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
};
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/**
 * Text edits not yet confirmed in IndexedDB, written synchronously to localStorage as they are
 * typed. IndexedDB writes are asynchronous, and a reload or a closed app aborts the ones in
 * flight: without this, the last words typed before closing the app would be lost.
 */
export class UpdateJournal {
  #counter = 0;

  constructor(
    private readonly storage: Pick<Storage, "getItem" | "setItem" | "removeItem">,
    /** Starts like the user's databases (worktrackr-<userId>-), so signing out clears it too. */
    private readonly keyPrefix: string,
  ) {}

  #key(docName: string): string {
    return `${this.keyPrefix}${docName}`;
  }

  #read(docName: string): StoredEntry[] {
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(this.#key(docName)) ?? "[]");
      return Array.isArray(parsed) ? (parsed as StoredEntry[]) : [];
    } catch {
      return [];
    }
  }

  #write(docName: string, entries: readonly StoredEntry[]): void {
    if (entries.length === 0) this.storage.removeItem(this.#key(docName));
    else this.storage.setItem(this.#key(docName), JSON.stringify(entries));
  }

  /** Keeps an update until remove(); returns its id, or null when localStorage is full or refused. */
  add(docName: string, update: Uint8Array): string | null {
    const id = `${Date.now().toString(36)}-${(this.#counter++).toString(36)}`;
    try {
      this.#write(docName, [...this.#read(docName), { id, base64: toBase64(update) }]);
      return id;
    } catch {
      // Full or refused: the IndexedDB write still goes ahead, only without the net under it.
      return null;
    }
  }

  remove(docName: string, id: string): void {
    this.#write(
      docName,
      this.#read(docName).filter((entry) => entry.id !== id),
    );
  }

  entries(docName: string): JournalEntry[] {
    return this.#read(docName).map((entry) => ({ id: entry.id, update: fromBase64(entry.base64) }));
  }
}
