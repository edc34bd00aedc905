import { describe, expect, it } from "vitest";
import { statusChoices } from "./ticket-patch.js";

describe("statusChoices", () => {
  it("offers staff no way to close a ticket", () => {
    expect(statusChoices("staff", "open")).toEqual(["open", "pending", "resolved"]);
  });
  it("leaves a closed ticket closed for staff", () => {
    expect(statusChoices("staff", "closed")).toEqual(["closed"]);
  });
  it("lets a manager reopen a closed ticket", () => {
    expect(statusChoices("manager", "closed")).toEqual(["closed", "open"]);
  });
});
