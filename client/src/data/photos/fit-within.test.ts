import { describe, expect, it } from "vitest";
import { fitWithin } from "./fit-within.js";

describe("fitWithin", () => {
  it("scales a phone photo down to 1600 px on its long side, keeping its shape", () => {
    expect(fitWithin(4032, 3024)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3024, 4032)).toEqual({ width: 1200, height: 1600 });
  });

  it("never enlarges a photo that is already small", () => {
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
  });

  it("keeps a very thin panorama at least one pixel high", () => {
    expect(fitWithin(20_000, 3)).toEqual({ width: 1600, height: 1 });
  });
});
