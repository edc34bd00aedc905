import { describe, expect, it } from "vitest";
import { deviceClientId } from "./client-id.js";

class MemoryStorage implements Storage {
  readonly #items = new Map<string, string>();
  get length() {
    return this.#items.size;
  }
  clear() {
    this.#items.clear();
  }
  getItem(key: string) {
    return this.#items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.#items.delete(key);
  }
  setItem(key: string, value: string) {
    this.#items.set(key, value);
  }
}

describe("deviceClientId", () => {
  it("stays the same across reloads of one tab", () => {
    const device = new MemoryStorage();
    const tab = new MemoryStorage();
    expect(deviceClientId(device, tab)).toBe(deviceClientId(device, tab));
  });

  it("differs between two tabs of one device, which share the device part", () => {
    const device = new MemoryStorage();
    const first = deviceClientId(device, new MemoryStorage());
    const second = deviceClientId(device, new MemoryStorage());
    expect(first).not.toBe(second);
    expect(first.slice(0, 36)).toBe(second.slice(0, 36));
  });

  it("fits the protocol's client id rules", () => {
    expect(deviceClientId(new MemoryStorage(), new MemoryStorage())).toMatch(/^[A-Za-z0-9_-]{1,100}$/);
  });

  it("replaces a stored id that was tampered with", () => {
    const device = new MemoryStorage();
    device.setItem("worktrackr-client-id", "bad id with spaces");
    expect(deviceClientId(device, new MemoryStorage())).toMatch(/^[0-9a-f-]{36}-[0-9a-f]{8}$/);
  });
});
