import { describe, expect, it, vi } from "vitest";
import { askForPersistentStorage } from "./persistent-storage.js";

const storage = (persisted: boolean, granted: boolean) =>
  ({
    persisted: vi.fn(async () => persisted),
    persist: vi.fn(async () => granted),
  }) as unknown as StorageManager;

describe("askForPersistentStorage", () => {
  it("does not ask again when the browser already keeps the data", async () => {
    const already = storage(true, false);
    expect(await askForPersistentStorage(already)).toBe("persisted");
    expect(already.persist).not.toHaveBeenCalled();
  });

  it("reports a refusal, so the app can tell the user their offline data may be evicted", async () => {
    expect(await askForPersistentStorage(storage(false, false))).toBe("refused");
    expect(await askForPersistentStorage(storage(false, true))).toBe("persisted");
  });

  it("says unsupported where the browser has no storage manager", async () => {
    expect(await askForPersistentStorage(undefined)).toBe("unsupported");
  });
});
