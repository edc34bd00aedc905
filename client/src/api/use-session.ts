import { useQuery } from "@tanstack/react-query";
import type { authApi } from "@worktrackr/shared-schema";
import { ApiRequestError, apiFetch } from "./api-fetch.js";
import { isSignOutOwed, settleOwedSignOut } from "./owed-sign-out.js";
import { forgetSession, rememberedSession, rememberSession } from "./remembered-session.js";

/** Who is signed in; null when nobody is. With no network, the last session this device saw. */
export function useSession() {
  return useQuery({
    queryKey: ["session"],
    // Runs offline too: the answer then comes from this device, and the data layer starts from it.
    networkMode: "always",
    queryFn: async (): Promise<authApi.SessionInfo | null> => {
      await settleOwedSignOut();
      if (isSignOutOwed()) return null;
      try {
        const session = await apiFetch<authApi.SessionInfo>("/api/auth/session");
        rememberSession(session);
        return session;
      } catch (error) {
        if (error instanceof ApiRequestError) {
          if (error.status === 401) {
            forgetSession();
            return null;
          }
          throw error;
        }
        // No answer at all (offline, server unreachable): not the same as signed out.
        const remembered = rememberedSession();
        if (remembered) return remembered;
        throw error;
      }
    },
  });
}
