import { createHash } from "node:crypto";
import { AppError } from "../http/app-error.js";
import { type AllowedMimeType, allowedTypesSentence, describeType, sniffLength, sniffMimeType } from "./file-types.js";

/** The largest upload accepted: a full-resolution phone photo or a scanned document fits. */
export const maxFileBytes = 15 * 1024 * 1024;

export function tooLarge(): AppError {
  return new AppError("payload_too_large", "Files can be at most 15 MiB; this one is larger.");
}

/**
 * An upload's bytes passed through as they arrive, refused the moment they break a rule: too
 * large, not what the Content-Type says, or (after the last byte) not the promised hash. The
 * refusal is thrown into whoever is consuming the bytes, before they see the end of the stream,
 * so a blob store writing them never commits a refused file and nothing is held in memory.
 */
export class CheckedUpload implements AsyncIterable<Uint8Array> {
  #sizeBytes = 0;
  #isComplete = false;

  constructor(
    private readonly body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    private readonly expected: { readonly sha256: string; readonly mimeType: AllowedMimeType },
  ) {}

  /** The number of bytes received; final once the upload has been read to the end without a refusal. */
  get sizeBytes(): number {
    if (!this.#isComplete) throw new Error("the upload has not been read to the end");
    return this.#sizeBytes;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    const hash = createHash("sha256");
    const head: Uint8Array[] = [];
    let isSniffed = false;
    for await (const chunk of this.body) {
      this.#sizeBytes += chunk.byteLength;
      if (this.#sizeBytes > maxFileBytes) throw tooLarge();
      if (!isSniffed) {
        head.push(chunk);
        if (this.#sizeBytes >= sniffLength) {
          this.#checkType(Buffer.concat(head));
          isSniffed = true;
        }
      }
      hash.update(chunk);
      yield chunk;
    }
    if (!isSniffed) this.#checkType(Buffer.concat(head));
    if (hash.digest("hex") !== this.expected.sha256) {
      throw new AppError(
        "validation_failed",
        "The file's bytes do not match the SHA-256 in the address; it may have been damaged on the way. Nothing was stored.",
        "sha256",
      );
    }
    this.#isComplete = true;
  }

  #checkType(head: Uint8Array): void {
    if (sniffMimeType(head) !== this.expected.mimeType) {
      const type = describeType(this.expected.mimeType);
      throw new AppError(
        "validation_failed",
        `The file was sent as ${type}, but its bytes are not ${type}. ${allowedTypesSentence}`,
        "contentType",
      );
    }
  }
}
