import { useQuery } from "@tanstack/react-query";
import type { DataLayer } from "../data/data-layer.js";
import { replicaQueryKey } from "./replica-query-key.js";
import { useDataLayer } from "./use-data-layer.js";

/**
 * A read of this device's replica, re-run whenever the replica changes (a write, a sync). Waits
 * for the data layer; never waits on the network.
 */
export function useReplicaQuery<T>(key: readonly unknown[], read: (layer: DataLayer) => Promise<T>) {
  const layer = useDataLayer();
  return useQuery({
    queryKey: replicaQueryKey(layer, ...key),
    queryFn: () => {
      if (!layer) throw new Error("the replica is not open");
      return read(layer);
    },
    enabled: layer !== null,
    networkMode: "always",
  });
}
