import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Role, userApi } from "@worktrackr/shared-schema";
import { apiFetch } from "../../api/api-fetch.js";

const membersKey = ["members"] as const;

/** The team from the server (GET /api/user/members): admins and managers may list it. */
export function useTeamMembers(canView: boolean) {
  return useQuery({
    queryKey: membersKey,
    queryFn: async () => (await apiFetch<{ members: userApi.Member[] }>("/api/user/members")).members,
    enabled: canView,
  });
}

/** After any change to the team: the list, the seats used, and the session (an admin may demote themself). */
export function useRefreshTeam() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: membersKey }),
      queryClient.invalidateQueries({ queryKey: ["subscription"] }),
      queryClient.invalidateQueries({ queryKey: ["session"] }),
    ]);
  };
}

export function useChangeRole(membershipId: string) {
  const refresh = useRefreshTeam();
  return useMutation({
    mutationFn: (role: Role) =>
      apiFetch<userApi.Member>(`/api/user/members/${membershipId}`, { method: "PATCH", body: { role } }),
    onSuccess: refresh,
  });
}

/** Removes a member, or revokes an invitation not accepted yet: the same DELETE. */
export function useRemoveMember(membershipId: string) {
  const refresh = useRefreshTeam();
  return useMutation({
    mutationFn: () => apiFetch<void>(`/api/user/members/${membershipId}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
}
