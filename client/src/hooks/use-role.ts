import type { Role } from "@worktrackr/shared-schema";
import { useSession } from "../api/use-session.js";

/** The signed-in member's role in the current organisation; null while unknown. */
export function useRole(): Role | null {
  return useSession().data?.role ?? null;
}
