import { useQueryClient } from "@tanstack/react-query";
import type { authApi } from "@worktrackr/shared-schema";
import { useNavigate } from "react-router";

/**
 * After a sign-in, sign-up or accepted invitation: the session query is refreshed, which starts the
 * data layer for the new user and organisation, and the app opens.
 */
export function useFinishSignIn() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async (session: authApi.SessionInfo) => {
    queryClient.setQueryData(["session"], session);
    await queryClient.invalidateQueries({ queryKey: ["session"] });
    await navigate("/");
  };
}
