import { randomUUID } from "node:crypto";
import { type FileHandle, mkdir, open, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";

/** Bytes read back from a store, with their length for Content-Length. */
export interface StoredBlob {
  readonly body: ReadableStream<Uint8Array>;
  readonly sizeBytes: number;
}

/**
 * Content-addressed bytes, keyed by their SHA-256 in lower-case hex. The store knows nothing of
 * tenants: whether a caller may read a key is decided by the file_blobs rows, never here.
 */
export interface BlobStore {
  has(key: string): Promise<boolean>;
  /** Stores the bytes under key all at once or not at all: a failed or refused stream leaves nothing. */
  put(key: string, content: AsyncIterable<Uint8Array> | Uint8Array): Promise<void>;
  /** The bytes under key, or null when there are none. */
  get(key: string): Promise<StoredBlob | null>;
}

const sha256Key = /^[0-9a-f]{64}$/;
const readChunkBytes = 64 * 1024;

function isMissingFile(error: unknown): boolean {
  return (error as { code?: unknown }).code === "ENOENT";
}

/** Reads the file as the consumer asks for it, so a slow client never makes the server buffer the file. */
function readableFile(file: FileHandle): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const buffer = new Uint8Array(readChunkBytes);
        const { bytesRead } = await file.read(buffer, 0, readChunkBytes, null);
        if (bytesRead === 0) {
          await file.close();
          controller.close();
        } else {
          controller.enqueue(buffer.subarray(0, bytesRead));
        }
      } catch (error) {
        await file.close();
        controller.error(error);
      }
    },
    async cancel() {
      await file.close();
    },
  });
}

/** A blob store on the local disk: dir/<first 2 hex>/<sha256>, so no directory grows too large. */
export function createDiskBlobStore(dir: string): BlobStore {
  const pathOf = (key: string): string => {
    // The key becomes a path: anything but a hash could climb out of dir.
    if (!sha256Key.test(key)) throw new Error(`blob key is not a lower-case SHA-256: ${key}`);
    return join(dir, key.slice(0, 2), key);
  };

  return {
    async has(key) {
      try {
        return (await stat(pathOf(key))).isFile();
      } catch (error) {
        if (isMissingFile(error)) return false;
        throw error;
      }
    },

    async put(key, content) {
      const target = pathOf(key);
      await mkdir(join(dir, key.slice(0, 2)), { recursive: true });
      // Written beside the target and renamed over it, so a reader never sees half a file and a
      // crash or a refused upload leaves at most a stray temp file, never a wrong blob.
      const temp = `${target}.${randomUUID()}.tmp`;
      // Opened before streaming, not by the write stream, so the temp file surely exists by the
      // time a refused upload removes it (a stream opening it late would leave it behind).
      const file = await open(temp, "wx");
      try {
        await pipeline(
          content instanceof Uint8Array ? [content] : content,
          // flush: on disk before the rename, or a power cut could leave an empty file under a valid name.
          file.createWriteStream({ flush: true }),
        );
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },

    async get(key) {
      let file: FileHandle;
      try {
        file = await open(pathOf(key), "r");
      } catch (error) {
        if (isMissingFile(error)) return null;
        throw error;
      }
      try {
        const { size } = await file.stat();
        return { body: readableFile(file), sizeBytes: size };
      } catch (error) {
        await file.close();
        throw error;
      }
    },
  };
}
