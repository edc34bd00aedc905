import { describe, expect, it } from "vitest";
import { parseDuration } from "./duration-input.js";

describe("parseDuration", () => {
  it.each([
    ["1:30", 5400],
    ["0:45", 2700],
    ["90m", 5400],
    ["90 min", 5400],
    ["1.5h", 5400],
    ["1,5h", 5400],
    ["2h", 7200],
    ["2 hours", 7200],
    ["2h 15m", 8100],
    ["2h15m", 8100],
    [" 1:05 ", 3900],
  ])("reads %s as %i seconds", (input, seconds) => {
    expect(parseDuration(input)).toEqual({ ok: true, value: seconds });
  });

  it("refuses a bare number, since it could be hours or minutes", () => {
    expect(parseDuration("90")).toEqual({
      ok: false,
      message: "Duration “90” is not a duration: write it as 1:30, 90m or 1.5h.",
    });
  });

  it("refuses minutes past 59 on a clock", () => {
    expect(parseDuration("1:75")).toMatchObject({ ok: false, message: expect.stringContaining("“1:75”") });
  });

  it("says the field is required when it is empty", () => {
    expect(parseDuration("  ")).toEqual({ ok: false, message: "Duration is required: write it as 1:30, 90m or 1.5h." });
  });

  it("refuses zero and more than a day", () => {
    expect(parseDuration("0m")).toEqual({ ok: false, message: "Duration must be more than zero." });
    expect(parseDuration("25h")).toEqual({ ok: false, message: "Duration must be 24 hours or less." });
  });

  it("names the field it was given", () => {
    expect(parseDuration("soon", "Break")).toMatchObject({ ok: false, message: expect.stringMatching(/^Break /) });
  });
});
