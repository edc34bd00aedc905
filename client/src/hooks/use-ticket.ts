import { getTicket } from "../data/tickets/ticket-detail.js";
import { useReplicaQuery } from "./use-replica-query.js";

/** One ticket; null when this device does not hold it. */
export const useTicket = (id: string) =>
  useReplicaQuery(["tickets", "detail", id], async (layer) => (await getTicket(layer.replica, id)) ?? null);
