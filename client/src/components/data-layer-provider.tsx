import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import { useSession } from "../api/use-session.js";
import { browserConnectivity } from "../data/connectivity.js";
import type { DataLayer } from "../data/data-layer.js";
import { createSyncStatusStore } from "../data/sync-status.js";
import { DataLayerContext } from "../hooks/data-layer-context.js";
import { replicaRoot } from "../hooks/replica-query-key.js";

/**
 * Starts the signed-in user's data layer for their organisation, and stops it when they sign out
 * or switch. The data layer (PGlite, Dexie) is imported only here, in an effect, so it loads after
 * the first paint and stays out of the first route's bundle.
 */
export function DataLayerProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  const queryClient = useQueryClient();
  const [idleStatus] = useState(() => createSyncStatusStore(browserConnectivity.isOnline()));
  const [layer, setLayer] = useState<DataLayer | null>(null);
  const userId = session.data?.user.id;
  const organisationId = session.data?.organisation?.id;

  useEffect(() => browserConnectivity.subscribe((isOnline) => idleStatus.update({ isOnline })), [idleStatus]);

  useEffect(() => {
    if (!userId || !organisationId) return;
    let isCancelled = false;
    let started: DataLayer | undefined;
    const onDataChanged = () => void queryClient.invalidateQueries({ queryKey: replicaRoot });
    // Asking the server again answers null, which stops this layer and shows the login; the outbox stays.
    const onSessionEnded = () => void queryClient.invalidateQueries({ queryKey: ["session"] });
    import("../data/data-layer.js")
      .then(({ startDataLayer }) => startDataLayer({ userId, organisationId }, { onDataChanged, onSessionEnded }))
      .then(async (opened) => {
        started = opened;
        if (isCancelled) await opened.stop();
        else setLayer(opened);
      })
      .catch((error: unknown) => {
        console.error("the data layer could not start", error);
        idleStatus.update({ lastError: "This device's copy of your data could not be opened. Reload to try again." });
      });
    return () => {
      isCancelled = true;
      setLayer(null);
      started?.stop().catch((error: unknown) => console.error("the data layer did not stop cleanly", error));
    };
  }, [userId, organisationId, queryClient, idleStatus]);

  const value = useMemo(() => ({ layer, idleStatus }), [layer, idleStatus]);
  return <DataLayerContext value={value}>{children}</DataLayerContext>;
}
