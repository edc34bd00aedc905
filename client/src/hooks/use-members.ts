import { listMembers } from "../data/tickets/ticket-options.js";
import { useReplicaQuery } from "./use-replica-query.js";

/** The organisation's active members, for assigning. */
export const useMembers = () => useReplicaQuery(["members"], (layer) => listMembers(layer.replica));
