import { listTicketTasks } from "../data/tickets/ticket-tasks.js";
import { useReplicaQuery } from "./use-replica-query.js";

/** Tasks raised from a ticket. */
export const useTicketTasks = (ticketId: string) =>
  useReplicaQuery(["tasks", "ticket", ticketId], (layer) => listTicketTasks(layer.replica, ticketId));
