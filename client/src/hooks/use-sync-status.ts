import { useSyncExternalStore } from "react";
import type { SyncStatus } from "../data/sync-status.js";
import { useDataLayerState } from "./use-data-layer.js";

/** What the sync engine says now: online, waiting changes, last sync, last error. */
export function useSyncStatus(): SyncStatus {
  const { layer, idleStatus } = useDataLayerState();
  const store = layer?.status ?? idleStatus;
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
