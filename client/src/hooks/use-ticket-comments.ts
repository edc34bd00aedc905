import { listComments } from "../data/tickets/ticket-comments.js";
import { useReplicaQuery } from "./use-replica-query.js";

/** A ticket's comments, oldest first. */
export const useTicketComments = (ticketId: string) =>
  useReplicaQuery(["comments", ticketId], (layer) => listComments(layer.replica, ticketId));
