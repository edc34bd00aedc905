import { Dexie } from "dexie";
import type { DeviceDatabase, QueuedFileRecord } from "./device-database.js";

/** A file to queue: the bytes as they will be stored on the server, already resized. */
export interface NewQueuedFile {
  readonly sha256: string;
  readonly blob: Blob;
  readonly mimeType: string;
  readonly filename: string;
}

/**
 * Photos waiting to reach the server, in one organisation, by content hash. They stay on the
 * device until the server has stored them; a refused one stays, with the reason, for the user.
 */
export class FileQueue {
  readonly #db: DeviceDatabase;

  constructor(
    db: DeviceDatabase,
    readonly organisationId: string,
  ) {
    this.#db = db;
  }

  #key(sha256: string): [string, string] {
    return [this.organisationId, sha256];
  }

  #inState(state: QueuedFileRecord["state"]) {
    return this.#db.files
      .where("[organisationId+state+queuedAt]")
      .between([this.organisationId, state, Dexie.minKey], [this.organisationId, state, Dexie.maxKey]);
  }

  /** Queues a file; the same bytes queued twice are one upload. */
  async add(file: NewQueuedFile, now = Date.now()): Promise<void> {
    await this.#db.transaction("rw", this.#db.files, async () => {
      if (await this.get(file.sha256)) return;
      await this.#db.files.add({
        organisationId: this.organisationId,
        sha256: file.sha256,
        blob: file.blob,
        mimeType: file.mimeType,
        sizeBytes: file.blob.size,
        filename: file.filename,
        queuedAt: now,
        state: "pending",
      });
    });
  }

  get(sha256: string): Promise<QueuedFileRecord | undefined> {
    return this.#db.files.get(this.#key(sha256));
  }

  /** Several files in one read, in the order asked; undefined where the server already has one. */
  getMany(sha256s: readonly string[]): Promise<(QueuedFileRecord | undefined)[]> {
    return this.#db.files.bulkGet(sha256s.map((sha256) => this.#key(sha256)));
  }

  /** What is waiting to go up, oldest first. */
  pending(): Promise<QueuedFileRecord[]> {
    return this.#inState("pending").toArray();
  }

  countPending(): Promise<number> {
    return this.#inState("pending").count();
  }

  /** The server has the bytes: the device copy is no longer needed. */
  async uploaded(sha256: string): Promise<void> {
    await this.#db.files.delete(this.#key(sha256));
  }

  /** The server refused the file for good (its type, its size): kept, with why, so it is not lost silently. */
  async rejected(sha256: string, reason: string): Promise<void> {
    await this.#db.files.update(this.#key(sha256), { state: "rejected", reason });
  }
}
