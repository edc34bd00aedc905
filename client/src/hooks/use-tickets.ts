import { useQuery } from "@tanstack/react-query";
import { listTickets } from "../data/ticket-queries.js";
import { replicaQueryKey } from "./replica-query-key.js";
import { useDataLayer } from "./use-data-layer.js";

/** The tickets on this device, re-read whenever the replica changes (a write, a sync). */
export function useTickets() {
  const layer = useDataLayer();
  return useQuery({
    queryKey: replicaQueryKey(layer, "tickets"),
    queryFn: () => (layer ? listTickets(layer.replica) : []),
    enabled: layer !== null,
    // The replica is on the device: reading it never waits for a network.
    networkMode: "always",
  });
}
