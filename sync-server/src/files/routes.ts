import { Hono } from "hono";
import { type AuthEnv, authenticate, tenantOf } from "../auth/viewer.js";
import type { Tx } from "../db/db.js";
import { AppError, notFound } from "../http/app-error.js";
import type { ServerDeps } from "../server-deps.js";
import { withTenant } from "../tenancy/tenant-context.js";
import type { BlobStore } from "./blob-store.js";
import { CheckedUpload, maxFileBytes, tooLarge } from "./checked-upload.js";
import { allowedTypeOf, allowedTypesSentence } from "./file-types.js";

/** What an upload answers: the stored file and where to read it. */
export interface StoredFile {
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly mimeType: string;
  readonly url: string;
}

interface FileBlobRow {
  sha256: string;
  sizeBytes: number;
  mimeType: string;
}

const sha256Hex = /^[0-9a-f]{64}$/;
// The address is the content's hash, so what it names can never change.
const cacheForever = "private, max-age=31536000, immutable";

function storedFile(row: FileBlobRow): StoredFile {
  return { sha256: row.sha256, sizeBytes: row.sizeBytes, mimeType: row.mimeType, url: `/api/files/${row.sha256}` };
}

async function findBlob(tx: Tx, organisationId: string, sha256: string): Promise<FileBlobRow | undefined> {
  const [row] = await tx.sql<FileBlobRow>`
    select sha256, size_bytes as "sizeBytes", mime_type as "mimeType"
    from file_blobs where organisation_id = ${organisationId} and sha256 = ${sha256}`;
  return row;
}

function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  return (ifNoneMatch ?? "").split(",").some((tag) => {
    const candidate = tag.trim().replace(/^W\//, "");
    return candidate === "*" || candidate === etag;
  });
}

/**
 * Photos and documents by content hash: /api/files/:sha256. A device uploads with PUT and may
 * retry as often as its signal drops; HEAD tells it whether the server already has the file.
 */
export function filesRoutes(deps: ServerDeps, store: BlobStore) {
  const { db } = deps;
  return (
    new Hono<AuthEnv>()
      .use("*", authenticate(deps))

      .put("/:sha256", async (c) => {
        const tenant = tenantOf(c);
        const sha256 = c.req.param("sha256");
        if (!sha256Hex.test(sha256)) {
          throw new AppError(
            "validation_failed",
            "The address must end with the file's SHA-256 as 64 lower-case hex characters.",
            "sha256",
          );
        }
        const mimeType = allowedTypeOf(c.req.header("content-type"));
        if (!mimeType) throw new AppError("validation_failed", allowedTypesSentence, "contentType");
        // A declared length over the limit is refused before a byte is read; a body without one,
        // or one that lies, is still counted as it streams.
        if (Number(c.req.header("content-length")) > maxFileBytes) throw tooLarge();

        // A retry after a lost response does no work: the tenant already holds these bytes.
        const existing = await withTenant(db, tenant, (tx) => findBlob(tx, tenant.organisationId, sha256));
        if (existing && (await store.has(sha256))) return c.json(storedFile(existing), 200);

        const upload = new CheckedUpload(c.req.raw.body ?? [], { sha256, mimeType });
        if (await store.has(sha256)) {
          // Another tenant stored these bytes already. They are shared only once this body has
          // proved, by hashing to the same value, that the caller holds them too: knowing a hash
          // must never be enough to read a file.
          for await (const _chunk of upload) {
            // Each chunk is counted, sniffed and hashed as it passes; the bytes themselves are not needed.
          }
        } else {
          await store.put(sha256, upload);
        }

        // The bytes are stored before the row, and outside its transaction so a slow upload holds
        // no connection: a row never names missing bytes, and bytes left without a row (the insert
        // failed) are harmless, found again by the next upload of the same content.
        const { row, isNew } = await withTenant(db, tenant, async (tx) => {
          const inserted = await tx.sql`
          insert into file_blobs (organisation_id, sha256, size_bytes, mime_type, uploaded_by)
          values (${tenant.organisationId}, ${sha256}, ${upload.sizeBytes}, ${mimeType}, ${tenant.userId})
          on conflict (organisation_id, sha256) do nothing
          returning sha256`;
          const row = await findBlob(tx, tenant.organisationId, sha256);
          if (!row) throw new Error("the file_blobs row is missing right after its insert");
          return { row, isNew: inserted.length > 0 };
        });
        const file = storedFile(row);
        if (!isNew) return c.json(file, 200);
        c.header("Location", file.url);
        return c.json(file, 201);
      })

      // Hono answers HEAD with this handler and drops the body; HEAD is checked so no file is opened for it.
      .get("/:sha256", async (c) => {
        const tenant = tenantOf(c);
        const sha256 = c.req.param("sha256");
        // Another tenant's file, a malformed hash and a missing file all answer the same 404: the
        // answer must not tell whether some other organisation has uploaded these bytes.
        if (!sha256Hex.test(sha256)) throw notFound("File");
        const blob = await withTenant(db, tenant, (tx) => findBlob(tx, tenant.organisationId, sha256));
        if (!blob) throw notFound("File");

        const etag = `"${blob.sha256}"`;
        const headers = {
          "Content-Type": blob.mimeType,
          "Cache-Control": cacheForever,
          ETag: etag,
          // Served from the app's own origin: the browser must not guess a type that could run script.
          "X-Content-Type-Options": "nosniff",
        };
        if (matchesEtag(c.req.header("if-none-match"), etag)) return c.body(null, 304, headers);

        if (c.req.method === "HEAD") {
          if (!(await store.has(sha256))) throw notFound("File");
          return c.body(null, 200, { ...headers, "Content-Length": String(blob.sizeBytes) });
        }
        const stored = await store.get(sha256);
        if (!stored) {
          // A 404 makes the device upload the file again, which restores the bytes.
          deps.logger.warn({ sha256, organisationId: tenant.organisationId }, "file row without stored bytes");
          throw notFound("File");
        }
        return c.body(stored.body, 200, { ...headers, "Content-Length": String(stored.sizeBytes) });
      })
  );
}
