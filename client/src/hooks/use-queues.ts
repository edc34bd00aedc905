import { listQueues } from "../data/tickets/ticket-options.js";
import { useReplicaQuery } from "./use-replica-query.js";

/** The organisation's queues. */
export const useQueues = () => useReplicaQuery(["queues"], (layer) => listQueues(layer.replica));
