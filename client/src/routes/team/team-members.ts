import type { Role, userApi } from "@worktrackr/shared-schema";

export const roleLabels: Readonly<Record<Role, string>> = { admin: "Admin", manager: "Manager", staff: "Staff" };

export const roleDescriptions: Readonly<Record<Role, string>> = {
  admin: "Admins see and manage everything, the team and billing included.",
  manager: "Managers see every ticket, assign work, approve time and can look at the team.",
  staff: "Staff see the tickets assigned to them and their own time.",
};

export interface Team {
  /** People who joined: active first, then disabled, each by name. */
  readonly members: readonly userApi.Member[];
  /** Invitations not accepted yet, newest first. */
  readonly invitations: readonly userApi.Member[];
}

/** The members list split into who has joined and who has only been invited. */
export function splitTeam(all: readonly userApi.Member[]): Team {
  const members = all
    .filter((m) => m.status !== "pending")
    .sort((a, b) => Number(a.status === "disabled") - Number(b.status === "disabled") || a.name.localeCompare(b.name));
  const invitations = all.filter((m) => m.status === "pending").sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { members, invitations };
}
