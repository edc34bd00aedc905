import type { userApi } from "@worktrackr/shared-schema";
import { describe, expect, it } from "vitest";
import { splitTeam } from "./team-members.js";

const member = (
  name: string,
  status: userApi.Member["status"],
  createdAt = "2026-01-01T00:00:00Z",
): userApi.Member => ({
  id: crypto.randomUUID(),
  userId: crypto.randomUUID(),
  name,
  email: `${name.toLowerCase()}@example.com`,
  role: "staff",
  status,
  createdAt,
});

describe("splitTeam", () => {
  it("lists pending invitations apart from members, newest invitation first", () => {
    const team = splitTeam([
      member("Ann", "active"),
      member("Old", "pending", "2026-01-01T00:00:00Z"),
      member("New", "pending", "2026-02-01T00:00:00Z"),
    ]);
    expect(team.members.map((m) => m.name)).toEqual(["Ann"]);
    expect(team.invitations.map((m) => m.name)).toEqual(["New", "Old"]);
  });

  it("puts disabled members after active ones, each group by name", () => {
    const team = splitTeam([member("Zoe", "active"), member("Bob", "disabled"), member("Amy", "active")]);
    expect(team.members.map((m) => m.name)).toEqual(["Amy", "Zoe", "Bob"]);
  });
});
