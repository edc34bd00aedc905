import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import { Hono } from "hono";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type BlobStore, createDiskBlobStore } from "../src/files/blob-store.js";
import { filesRoutes } from "../src/files/routes.js";
import { errorHandler } from "../src/http/error-handler.js";
import { allowedOriginsOf, originCheck } from "../src/http/origin-check.js";
import { type AccountsHarness, startAccountsHarness } from "./accounts-harness.js";
import { describeEachDatabase } from "./databases.js";
import { expectStatus, TestBrowser } from "./http-client.js";
import { testOrigin } from "./test-deps.js";

// A real 1x1 JPEG (ImageMagick, stripped), so the bytes are what a camera would send, only smaller.
const tinyJpeg = Buffer.from(
  "ffd8ffe000104a46494600010100000100010000ffdb004300100b0c0e0c0a100e0d0e1211101318281a181616183123251d283a333d" +
    "3c3933383740485c4e404457453738506d51575f626768673e4d71797064785c656763ffdb0043011112121815182f1a1a2f6342384263" +
    "63636363636363636363636363636363636363636363636363636363636363636363636363636363636363636363636363ffc000110800" +
    "01000103012200021101031101ffc4001500010100000000000000000000000000000004ffc40014100100000000000000000000000000" +
    "000000ffc4001501010100000000000000000000000000000506ffc40014110100000000000000000000000000000000ffda000c030100" +
    "02110311003f008001aa07ffd9",
  "hex",
);

/** A JPEG no other test uploads: the tiny JPEG with a comment segment naming it. */
function jpeg(label: string): Uint8Array {
  const comment = Buffer.from(`${label} ${randomBytes(8).toString("hex")}`);
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(comment.length + 2, 2);
  return Buffer.concat([tinyJpeg.subarray(0, 2), segment, comment, tinyJpeg.subarray(2)]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A real 1x1 PNG of a random colour. */
function png(): Uint8Array {
  const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]); // 1x1, 8-bit RGB
  const scanline = Buffer.concat([Buffer.from([0]), randomBytes(3)]); // filter byte, then one pixel
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(scanline)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

const sha256Of = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

describeEachDatabase("files", (kind) => {
  let h: AccountsHarness;
  let dir: string;
  let store: BlobStore;
  let app: Hono;

  beforeAll(async () => {
    h = await startAccountsHarness(kind);
    dir = await mkdtemp(join(tmpdir(), "worktrackr-files-"));
    store = createDiskBlobStore(dir);
    // Mounted as app.ts mounts the API: behind the origin check, with the one error handler.
    app = new Hono()
      .use("/api/*", originCheck(allowedOriginsOf(h.deps.appBaseUrl, h.deps.allowedHosts)))
      .route("/api/files", filesRoutes(h.deps, store))
      .onError(errorHandler(h.deps.logger));
  });
  afterAll(async () => {
    await h.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** A new organisation's admin, signed in through the accounts API, browsing the files app. */
  async function member(email: string): Promise<TestBrowser> {
    const registered = await h.register({ email });
    const browser = new TestBrowser(app);
    for (const [name, value] of registered.cookies) browser.cookies.set(name, value);
    return browser;
  }

  async function upload(
    browser: TestBrowser | null,
    sha256: string,
    bytes: Uint8Array,
    contentType: string,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const cookie = browser ? [...browser.cookies].map(([name, value]) => `${name}=${value}`).join("; ") : "";
    return await app.request(`/api/files/${sha256}`, {
      method: "PUT",
      headers: { origin: testOrigin, "content-type": contentType, ...(cookie ? { cookie } : {}), ...headers },
      body: bytes,
    });
  }

  async function rowsFor(sha256: string): Promise<number> {
    const [row] = await h.test.db.sql<{
      n: number;
    }>`select count(*)::int as n from file_blobs where sha256 = ${sha256}`;
    return row?.n ?? 0;
  }

  /** Every file in the store, temp files included, so a refused upload that left one is caught. */
  async function filesOnDisk(): Promise<string[]> {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => e.name);
  }

  it("uploads a photo and reads it back byte for byte", async () => {
    const browser = await member("photo@example.com");
    const photo = jpeg("photo");
    const sha256 = sha256Of(photo);

    const res = await upload(browser, sha256, photo, "image/jpeg");
    expect(res.headers.get("location")).toBe(`/api/files/${sha256}`);
    expect(await expectStatus(res, 201)).toEqual({
      sha256,
      sizeBytes: photo.byteLength,
      mimeType: "image/jpeg",
      url: `/api/files/${sha256}`,
    });

    const read = await browser.get(`/api/files/${sha256}`);
    expect(read.status).toBe(200);
    expect(read.headers.get("content-type")).toBe("image/jpeg");
    expect(read.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(read.headers.get("etag")).toBe(`"${sha256}"`);
    expect(read.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await read.arrayBuffer())).toEqual(new Uint8Array(photo));

    const head = await browser.request("HEAD", `/api/files/${sha256}`);
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(photo.byteLength));
    expect(await head.text()).toBe("");
  });

  it("stores a PNG under its own type", async () => {
    const browser = await member("png@example.com");
    const image = png();
    const sha256 = sha256Of(image);
    expect(await expectStatus(await upload(browser, sha256, image, "image/png"), 201)).toMatchObject({
      mimeType: "image/png",
    });
    const read = await browser.get(`/api/files/${sha256}`);
    expect(read.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await read.arrayBuffer())).toEqual(new Uint8Array(image));
  });

  it("answers 304 to a client revalidating a file it already has", async () => {
    const browser = await member("revalidate@example.com");
    const photo = jpeg("revalidate");
    const sha256 = sha256Of(photo);
    await expectStatus(await upload(browser, sha256, photo, "image/jpeg"), 201);
    const res = await browser.request("GET", `/api/files/${sha256}`, undefined, { "if-none-match": `"${sha256}"` });
    expect(res.status).toBe(304);
  });

  it("refuses bytes whose hash does not match and stores nothing", async () => {
    const browser = await member("mismatch@example.com");
    const before = await filesOnDisk();
    const photo = jpeg("damaged");
    const claimed = sha256Of(jpeg("the original"));

    const body = await expectStatus<{ error: { code: string; field: string; message: string } }>(
      await upload(browser, claimed, photo, "image/jpeg"),
      422,
    );
    expect(body.error).toMatchObject({ code: "validation_failed", field: "sha256" });
    expect(body.error.message).toMatch(/do not match the SHA-256/);
    expect(await rowsFor(claimed)).toBe(0);
    expect(await rowsFor(sha256Of(photo))).toBe(0);
    expect(await filesOnDisk()).toEqual(before);
  });

  it("refuses an address that is not a lower-case SHA-256", async () => {
    const browser = await member("address@example.com");
    const photo = jpeg("address");
    const body = await expectStatus<{ error: { field: string } }>(
      await upload(browser, sha256Of(photo).toUpperCase(), photo, "image/jpeg"),
      422,
    );
    expect(body.error.field).toBe("sha256");
  });

  it("a retried upload is idempotent (200, one row, one file)", async () => {
    const browser = await member("retry@example.com");
    const photo = jpeg("retry");
    const sha256 = sha256Of(photo);

    const first = await expectStatus(await upload(browser, sha256, photo, "image/jpeg"), 201);
    const filesAfterFirst = await filesOnDisk();
    const retry = await expectStatus(await upload(browser, sha256, photo, "image/jpeg"), 200);

    expect(retry).toEqual(first);
    expect(await rowsFor(sha256)).toBe(1);
    expect((await filesOnDisk()).filter((name) => name.includes(sha256))).toEqual([sha256]);
    expect(await filesOnDisk()).toEqual(filesAfterFirst);
  });

  it("refuses a file over the size limit with 413", async () => {
    const browser = await member("large@example.com");
    const before = await filesOnDisk();
    const large = Buffer.concat([jpeg("large"), Buffer.alloc(15 * 1024 * 1024)]);
    const sha256 = sha256Of(large);

    // No Content-Length: the limit holds on the bytes as they stream, not on what the client declares.
    const body = await expectStatus<{ error: { code: string; message: string } }>(
      await upload(browser, sha256, large, "image/jpeg"),
      413,
    );
    expect(body.error.code).toBe("payload_too_large");
    expect(body.error.message).toMatch(/15 MiB/);

    const declared = await upload(browser, sha256, jpeg("declared"), "image/jpeg", {
      "content-length": String(15 * 1024 * 1024 + 1),
    });
    expect(declared.status).toBe(413);

    expect(await rowsFor(sha256)).toBe(0);
    expect(await filesOnDisk()).toEqual(before);
  });

  it("refuses a type that is not an image or PDF even when Content-Type claims image/jpeg", async () => {
    const browser = await member("type@example.com");
    const before = await filesOnDisk();
    const page = Buffer.from("<!doctype html><script>alert(document.cookie)</script>");
    const sha256 = sha256Of(page);

    const disguised = await expectStatus<{ error: { code: string; field: string; message: string } }>(
      await upload(browser, sha256, page, "image/jpeg"),
      422,
    );
    expect(disguised.error).toMatchObject({ code: "validation_failed", field: "contentType" });
    expect(disguised.error.message).toMatch(/not a JPEG image/);

    const declared = await expectStatus<{ error: { field: string } }>(
      await upload(browser, sha256, page, "text/html"),
      422,
    );
    expect(declared.error.field).toBe("contentType");

    const image = png();
    const mislabelled = await expectStatus<{ error: { field: string } }>(
      await upload(browser, sha256Of(image), image, "image/jpeg"),
      422,
    );
    expect(mislabelled.error.field).toBe("contentType");

    expect(await rowsFor(sha256)).toBe(0);
    expect(await filesOnDisk()).toEqual(before);
  });

  it("another tenant gets 404 for a hash it never uploaded even though the bytes exist on disk", async () => {
    const owner = await member("owner@example.com");
    const other = await member("other@example.com");
    const photo = jpeg("private");
    const sha256 = sha256Of(photo);
    await expectStatus(await upload(owner, sha256, photo, "image/jpeg"), 201);
    expect(await store.has(sha256)).toBe(true);

    const neverUploaded = sha256Of(randomBytes(32));
    const missing = await other.get(`/api/files/${neverUploaded}`);
    const foreign = await other.get(`/api/files/${sha256}`);
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual(await missing.json());
    expect((await other.request("HEAD", `/api/files/${sha256}`)).status).toBe(404);
  });

  it("keeps one copy on disk of bytes two tenants upload, with a row for each", async () => {
    const first = await member("first@example.com");
    const second = await member("second@example.com");
    const photo = jpeg("shared");
    const sha256 = sha256Of(photo);

    await expectStatus(await upload(first, sha256, photo, "image/jpeg"), 201);
    // The second tenant proves it holds the bytes by sending them; only then may it read them.
    await expectStatus(await upload(second, sha256, photo, "image/jpeg"), 201);

    expect(await rowsFor(sha256)).toBe(2);
    expect((await filesOnDisk()).filter((name) => name.includes(sha256))).toEqual([sha256]);
    const read = await second.get(`/api/files/${sha256}`);
    expect(new Uint8Array(await read.arrayBuffer())).toEqual(new Uint8Array(photo));
  });

  it("an unauthenticated request gets 401", async () => {
    const photo = jpeg("anonymous");
    const sha256 = sha256Of(photo);
    const anonymous = new TestBrowser(app);

    expect((await upload(null, sha256, photo, "image/jpeg")).status).toBe(401);
    expect((await anonymous.get(`/api/files/${sha256}`)).status).toBe(401);
    expect((await anonymous.request("HEAD", `/api/files/${sha256}`)).status).toBe(401);
    expect(await rowsFor(sha256)).toBe(0);
    expect(await store.has(sha256)).toBe(false);
  });
});
