import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { type DeviceDatabase, openDeviceDatabase } from "./device-database.js";
import { FileQueue } from "./file-queue.js";

const orgA = "00000000-0000-4000-8000-00000000000a";
const orgB = "00000000-0000-4000-8000-00000000000b";
const sha = (n: number) => n.toString(16).padStart(64, "0");
const photo = (n: number) => ({
  sha256: sha(n),
  blob: new Blob([new Uint8Array(n * 10)], { type: "image/jpeg" }),
  mimeType: "image/jpeg",
  filename: `photo-${n}.jpg`,
});

let db: DeviceDatabase | undefined;
const open = () => {
  db = openDeviceDatabase(crypto.randomUUID());
  return db;
};
afterEach(() => db?.close());

describe("FileQueue", () => {
  it("hands out waiting photos in the order they were taken, each once however often it is queued", async () => {
    const queue = new FileQueue(open(), orgA);
    await queue.add(photo(3), 3000);
    await queue.add(photo(1), 1000);
    await queue.add(photo(2), 2000);
    await queue.add(photo(1), 4000);

    expect((await queue.pending()).map((f) => f.filename)).toEqual(["photo-1.jpg", "photo-2.jpg", "photo-3.jpg"]);
    expect(await queue.countPending()).toBe(3);
    expect((await queue.get(sha(2)))?.sizeBytes).toBe(20);
  });

  it("keeps each organisation's photos apart in one user's database", async () => {
    const database = open();
    await new FileQueue(database, orgA).add(photo(1));
    expect(await new FileQueue(database, orgB).pending()).toEqual([]);
    expect(await new FileQueue(database, orgB).get(sha(1))).toBeUndefined();
  });

  it("lets an uploaded photo go, and keeps a refused one with the reason instead of losing it", async () => {
    const queue = new FileQueue(open(), orgA);
    await queue.add(photo(1));
    await queue.add(photo(2));
    await queue.uploaded(sha(1));
    await queue.rejected(sha(2), "Only photos can be uploaded.");

    expect(await queue.get(sha(1))).toBeUndefined();
    expect(await queue.pending()).toEqual([]);
    expect(await queue.get(sha(2))).toMatchObject({ state: "rejected", reason: "Only photos can be uploaded." });
  });

  it("reads several photos at once, in the order asked, with a gap for one the server already has", async () => {
    const queue = new FileQueue(open(), orgA);
    await queue.add(photo(1));
    await queue.add(photo(2));
    const found = await queue.getMany([sha(2), sha(9), sha(1)]);
    expect(found.map((f) => f?.filename)).toEqual(["photo-2.jpg", undefined, "photo-1.jpg"]);
  });
});
