import { listApprovals } from "../data/tickets/ticket-reviews.js";
import { useReplicaQuery } from "./use-replica-query.js";

/** A ticket's approval requests and their decisions. */
export const useTicketApprovals = (ticketId: string) =>
  useReplicaQuery(["approvals", ticketId], (layer) => listApprovals(layer.replica, ticketId));
