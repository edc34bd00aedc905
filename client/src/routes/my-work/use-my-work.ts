import { useQuery } from "@tanstack/react-query";
import { listMyTasks, listMyTickets } from "../../data/field-work/my-work-queries.js";
import { replicaQueryKey } from "../../hooks/replica-query-key.js";
import { useDataLayer } from "../../hooks/use-data-layer.js";

/** The user's open tickets from the replica, live as writes and syncs land. */
export function useMyTickets() {
  const layer = useDataLayer();
  return useQuery({
    queryKey: replicaQueryKey(layer, "my-tickets"),
    queryFn: () => (layer ? listMyTickets(layer) : []),
    enabled: layer !== null,
    networkMode: "always",
  });
}

/** The user's tasks from the replica, live as writes and syncs land. */
export function useMyTasks() {
  const layer = useDataLayer();
  return useQuery({
    queryKey: replicaQueryKey(layer, "my-tasks"),
    queryFn: () => (layer ? listMyTasks(layer) : []),
    enabled: layer !== null,
    networkMode: "always",
  });
}
