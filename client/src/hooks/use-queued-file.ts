import { useQuery } from "@tanstack/react-query";
import { replicaQueryKey } from "./replica-query-key.js";
import { useDataLayer } from "./use-data-layer.js";

/** A photo's bytes still waiting on this device, or null once the server has them. */
export function useQueuedFile(sha256: string | null) {
  const layer = useDataLayer();
  return useQuery({
    // Under the replica's key, so each sync re-checks whether the upload has happened.
    queryKey: replicaQueryKey(layer, "queued-file", sha256),
    queryFn: async () => (layer && sha256 ? ((await layer.files.get(sha256)) ?? null) : null),
    enabled: layer !== null && sha256 !== null,
    networkMode: "always",
  });
}
