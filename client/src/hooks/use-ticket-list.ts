import type { TicketFilters } from "../data/tickets/ticket-filters.js";
import { listTickets } from "../data/tickets/ticket-list.js";
import { useReplicaQuery } from "./use-replica-query.js";

/** The tickets matching the list's filters, first page, live. */
export const useTicketList = (filters: TicketFilters) =>
  useReplicaQuery(["tickets", "list", filters], (layer) => listTickets(layer.replica, filters));
