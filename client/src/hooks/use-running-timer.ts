import { findRunningTimer } from "../data/time/timer.js";
import { useReplicaQuery } from "./use-replica-query.js";

/** The user's running timer on this device, re-read whenever the replica changes. */
export const useRunningTimer = () => useReplicaQuery(["running-timer"], findRunningTimer);
