import { describe, expect, it } from "vitest";
import { formatDuration, formatHours } from "./format-duration.js";

describe("formatDuration", () => {
  it("reads like a clock, hours unpadded", () => {
    expect(formatDuration(0)).toBe("0:00:00");
    expect(formatDuration(249)).toBe("0:04:09");
    expect(formatDuration(7200)).toBe("2:00:00");
    expect(formatDuration(36_061)).toBe("10:01:01");
  });

  it("never shows a negative time when a device clock is behind", () => {
    expect(formatDuration(-5)).toBe("0:00:00");
  });
});

describe("formatHours", () => {
  it("rounds to whole minutes and drops zero hours", () => {
    expect(formatHours(2700)).toBe("45 min");
    expect(formatHours(7500)).toBe("2 h 05 min");
    expect(formatHours(29)).toBe("0 min");
  });
});
