import { useQuery } from "@tanstack/react-query";
import { listTicketPhotos } from "../data/photos/ticket-photo-queries.js";
import { replicaQueryKey } from "./replica-query-key.js";
import { useDataLayer } from "./use-data-layer.js";

/** A ticket's photos on this device, re-read whenever the replica changes. */
export function useTicketPhotos(ticketId: string) {
  const layer = useDataLayer();
  return useQuery({
    queryKey: replicaQueryKey(layer, "ticket-photos", ticketId),
    queryFn: () => (layer ? listTicketPhotos(layer.replica, ticketId) : []),
    enabled: layer !== null,
    networkMode: "always",
  });
}
