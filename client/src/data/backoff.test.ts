import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff.js";

describe("backoffDelay", () => {
  it("doubles from a second up to a minute, jittered down to half", () => {
    expect(backoffDelay(1, () => 1)).toBe(1_000);
    expect(backoffDelay(3, () => 1)).toBe(4_000);
    expect(backoffDelay(3, () => 0)).toBe(2_000);
    expect(backoffDelay(20, () => 1)).toBe(60_000);
  });
});
