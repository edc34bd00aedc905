/** What may be uploaded: site photos and documents, nothing a browser could run. */
export const allowedMimeTypes = ["image/jpeg", "image/png", "image/webp", "image/heic", "application/pdf"] as const;
export type AllowedMimeType = (typeof allowedMimeTypes)[number];

export const allowedTypesSentence = "Only photos (JPEG, PNG, WebP or HEIC) and PDF documents can be uploaded.";

const typeNames: Record<AllowedMimeType, string> = {
  "image/jpeg": "a JPEG image",
  "image/png": "a PNG image",
  "image/webp": "a WebP image",
  "image/heic": "a HEIC image",
  "application/pdf": "a PDF document",
};

/** How a person would name the type, for error messages. */
export function describeType(mimeType: AllowedMimeType): string {
  return typeNames[mimeType];
}

/** The allowed type a Content-Type header names (parameters and case ignored), or null. */
export function allowedTypeOf(contentType: string | undefined): AllowedMimeType | null {
  const mediaType = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  return (allowedMimeTypes as readonly string[]).includes(mediaType) ? (mediaType as AllowedMimeType) : null;
}

/** How many leading bytes sniffMimeType needs to tell every allowed type apart. */
export const sniffLength = 12;

// HEIF major brands for HEIC stills and sequences; mif1/msf1 are the generic brands some phones
// write instead of heic.
const heicBrands = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs", "mif1", "msf1"]);

function startsWith(bytes: Uint8Array, offset: number, expected: readonly number[]): boolean {
  return expected.every((byte, i) => bytes[offset + i] === byte);
}

function asciiAt(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}

/**
 * The allowed type the leading bytes show, or null. The Content-Type header is the client's
 * word; this is what the file is, and the two must agree before anything is stored.
 */
export function sniffMimeType(head: Uint8Array): AllowedMimeType | null {
  if (startsWith(head, 0, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(head, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (asciiAt(head, 0, 4) === "RIFF" && asciiAt(head, 8, 4) === "WEBP") return "image/webp";
  if (asciiAt(head, 4, 4) === "ftyp" && heicBrands.has(asciiAt(head, 8, 4))) return "image/heic";
  if (asciiAt(head, 0, 5) === "%PDF-") return "application/pdf";
  return null;
}
