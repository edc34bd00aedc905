import { listTicketTime } from "../data/tickets/ticket-time.js";
import { useReplicaQuery } from "./use-replica-query.js";

/** Time logged on a ticket. */
export const useTicketTime = (ticketId: string) =>
  useReplicaQuery(["time_entries", "ticket", ticketId], (layer) => listTicketTime(layer.replica, ticketId));
