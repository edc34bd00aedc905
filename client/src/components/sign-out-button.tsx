import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { apiFetch } from "../api/api-fetch.js";
import { oweSignOut } from "../api/owed-sign-out.js";
import { forgetSession } from "../api/remembered-session.js";
import { useDataLayer } from "../hooks/use-data-layer.js";
import { useSyncStatus } from "../hooks/use-sync-status.js";

/**
 * Signs out and wipes this device's copy of the user's data, after warning when changes have not
 * reached the server yet (signing out would lose them).
 */
export function SignOutButton({ userId }: { userId: string }) {
  const layer = useDataLayer();
  const status = useSyncStatus();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);

  const signOut = async () => {
    if (
      status.pendingCount > 0 &&
      !window.confirm(
        `${status.pendingCount} change(s) have not reached the server yet. Signing out deletes them from this device. Sign out anyway?`,
      )
    ) {
      return;
    }
    if (navigator.onLine) await apiFetch("/api/auth/logout", { method: "POST" });
    // No signal: this device forgets the user now, and the server ends the session when it can.
    else oweSignOut();
    await layer?.stop();
    const { wipeDeviceData } = await import("../data/wipe-device.js");
    await wipeDeviceData(userId);
    forgetSession();
    queryClient.setQueryData(["session"], null);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== "session" });
    await navigate("/login");
  };

  return (
    <>
      <button
        type="button"
        onClick={() => {
          signOut().catch(() => setProblem("Could not sign out. Check your connection and try again."));
        }}
        className="whitespace-nowrap rounded-lg border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100"
      >
        Sign out
      </button>
      {problem ? (
        <p role="alert" className="text-sm text-red-700">
          {problem}
        </p>
      ) : null}
    </>
  );
}
