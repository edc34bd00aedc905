import { listMyTasks, listMyTickets } from "../../data/field-work/my-work-queries.js";
import { useReplicaQuery } from "../../hooks/use-replica-query.js";

/** The user's open tickets from the replica, live as writes and syncs land. */
export const useMyTickets = () => useReplicaQuery(["my-tickets"], listMyTickets);

/** The user's tasks from the replica, live as writes and syncs land. */
export const useMyTasks = () => useReplicaQuery(["my-tasks"], listMyTasks);
