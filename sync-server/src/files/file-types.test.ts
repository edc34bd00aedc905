import { describe, expect, it } from "vitest";
import { allowedTypeOf, sniffMimeType } from "./file-types.js";

const ascii = (text: string) => Array.from(text, (ch) => ch.charCodeAt(0));
const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? ascii(part) : part)));

describe("file types", () => {
  it("recognises each allowed type by its first bytes", () => {
    expect(sniffMimeType(bytes([0xff, 0xd8, 0xff, 0xe0], "rest"))).toBe("image/jpeg");
    expect(sniffMimeType(bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a], "rest"))).toBe("image/png");
    expect(sniffMimeType(bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "))).toBe("image/webp");
    expect(sniffMimeType(bytes([0, 0, 0, 0x18], "ftypheic", [0, 0, 0, 0]))).toBe("image/heic");
    expect(sniffMimeType(bytes([0, 0, 0, 0x1c], "ftypmif1", [0, 0, 0, 0]))).toBe("image/heic");
    expect(sniffMimeType(bytes("%PDF-1.7\n"))).toBe("application/pdf");
  });

  it("recognises nothing else, however it starts", () => {
    expect(sniffMimeType(bytes("<!doctype html><script>"))).toBeNull();
    expect(sniffMimeType(bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull();
    expect(sniffMimeType(bytes([0, 0, 0, 0x1c], "ftypavif", [0, 0, 0, 0]))).toBeNull();
    expect(sniffMimeType(bytes("RIFF", [0x24, 0, 0, 0], "WAVEfmt "))).toBeNull();
    expect(sniffMimeType(bytes([0xff, 0xd8]))).toBeNull();
    expect(sniffMimeType(new Uint8Array())).toBeNull();
  });

  it("reads the type from a Content-Type header, parameters and case aside", () => {
    expect(allowedTypeOf("image/JPEG")).toBe("image/jpeg");
    expect(allowedTypeOf("application/pdf; name=report.pdf")).toBe("application/pdf");
    expect(allowedTypeOf("image/svg+xml")).toBeNull();
    expect(allowedTypeOf("text/html")).toBeNull();
    expect(allowedTypeOf(undefined)).toBeNull();
  });
});
