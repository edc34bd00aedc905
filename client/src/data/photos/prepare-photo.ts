import { fitWithin } from "./fit-within.js";

/** A photo as it is stored and uploaded: resized, re-encoded (which also drops its location metadata). */
export interface PreparedPhoto {
  readonly blob: Blob;
  readonly mimeType: string;
  readonly sha256: string;
  readonly filename: string;
}

/** A photo the device could not read or store, in words for the person who took it. */
export class PhotoError extends Error {
  override readonly name = "PhotoError";
}

const jpegQuality = 0.8;
/** Types the server keeps as they are when the browser cannot decode them (HEIC outside Safari). */
const storableAsIs = new Set(["image/jpeg", "image/png", "image/webp", "image/heic"]);
const maxUnresizedBytes = 15 * 1024 * 1024;

async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function encodeJpeg(bitmap: ImageBitmap, width: number, height: number): Promise<Blob> {
  if (typeof OffscreenCanvas !== "undefined") {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext("2d");
    if (!context) throw new PhotoError("This device cannot resize photos.");
    context.drawImage(bitmap, 0, 0, width, height);
    return canvas.convertToBlob({ type: "image/jpeg", quality: jpegQuality });
  }
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d");
  if (!context) throw new PhotoError("This device cannot resize photos.");
  context.drawImage(bitmap, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new PhotoError("The photo could not be compressed."))),
      "image/jpeg",
      jpegQuality,
    ),
  );
}

const baseName = (name: string) => name.replace(/\.[^.]*$/, "").trim() || "photo";

/**
 * Resizes a camera photo to about 1600 px on its long side and compresses it as JPEG, on the
 * device, before it is queued: a 4 MB phone photo becomes a few hundred kB that a weak signal can
 * carry. A photo the browser cannot decode is kept as it is when the server accepts its type.
 */
export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  let bitmap: ImageBitmap | undefined;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    if (!storableAsIs.has(file.type)) throw new PhotoError("That file is not a photo WorkTrackr can read.");
    if (file.size > maxUnresizedBytes)
      throw new PhotoError("That photo is larger than 15 MB and cannot be resized here.");
    return { blob: file, mimeType: file.type, sha256: await sha256Hex(file), filename: file.name || "photo" };
  }
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height);
    const blob = await encodeJpeg(bitmap, width, height);
    return { blob, mimeType: "image/jpeg", sha256: await sha256Hex(blob), filename: `${baseName(file.name)}.jpg` };
  } finally {
    bitmap.close();
  }
}
