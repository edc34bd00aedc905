import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { applyTextEdit, diffText, shiftIndex } from "./text-diff.js";

describe("diffText", () => {
  it("turns typing in the middle into one insert at the caret", () => {
    expect(diffText("Boiler low", "Boiler very low")).toEqual({ index: 7, remove: 0, insert: "very " });
  });
  it("turns a selection typed over into one replacement", () => {
    expect(diffText("pressure 1 bar", "pressure 2 bar")).toEqual({ index: 9, remove: 1, insert: "2" });
  });
  it("keeps a repeated letter's deletion minimal", () => {
    expect(diffText("aaa", "aa")).toEqual({ index: 2, remove: 1, insert: "" });
  });
  it("never splits an emoji in two", () => {
    const change = diffText("a😀b", "a😃b");
    expect(change).toEqual({ index: 1, remove: 2, insert: "😃" });
  });
  it("reports no change for the same text", () => {
    expect(diffText("same", "same")).toBeNull();
  });
});

describe("applyTextEdit", () => {
  it("merges two people's edits to the same text character-wise", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText("content").insert(0, "Check the vessel");
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    applyTextEdit(a.getText("content"), "Check the expansion vessel", "a");
    applyTextEdit(b.getText("content"), "Check the vessel today", "b");
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.getText("content").toString()).toBe("Check the expansion vessel today");
    expect(b.getText("content").toString()).toBe(a.getText("content").toString());
  });
});

describe("shiftIndex", () => {
  it("moves the caret on by text inserted before it", () => {
    expect(shiftIndex(5, [{ retain: 2 }, { insert: "abc" }])).toBe(8);
  });
  it("leaves the caret alone for text inserted after it", () => {
    expect(shiftIndex(5, [{ retain: 7 }, { insert: "abc" }])).toBe(5);
  });
  it("pulls the caret back by text deleted before it, and no further than the deletion's start", () => {
    expect(shiftIndex(5, [{ retain: 1 }, { delete: 2 }])).toBe(3);
    expect(shiftIndex(5, [{ retain: 3 }, { delete: 10 }])).toBe(3);
  });
});
