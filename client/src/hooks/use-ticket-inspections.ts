import { listInspections } from "../data/tickets/ticket-reviews.js";
import { useReplicaQuery } from "./use-replica-query.js";

/** A ticket's inspections. */
export const useTicketInspections = (ticketId: string) =>
  useReplicaQuery(["inspections", ticketId], (layer) => listInspections(layer.replica, ticketId));
