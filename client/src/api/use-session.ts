import { useQuery } from "@tanstack/react-query";
import type { authApi } from "@worktrackr/shared-schema";
import { ApiRequestError, apiFetch } from "./api-fetch.js";

/** Who is signed in; null when nobody is. */
export function useSession() {
  return useQuery({
    queryKey: ["session"],
    queryFn: async (): Promise<authApi.SessionInfo | null> => {
      try {
        return await apiFetch<authApi.SessionInfo>("/api/auth/session");
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 401) return null;
        throw error;
      }
    },
  });
}
