import { useQuery } from "@tanstack/react-query";
import { findRunningTimer } from "../data/time/timer.js";
import { replicaQueryKey } from "./replica-query-key.js";
import { useDataLayer } from "./use-data-layer.js";

/** The user's running timer on this device, re-read whenever the replica changes. */
export function useRunningTimer() {
  const layer = useDataLayer();
  return useQuery({
    queryKey: replicaQueryKey(layer, "running-timer"),
    queryFn: () => (layer ? findRunningTimer(layer) : null),
    enabled: layer !== null,
    networkMode: "always",
  });
}
