import { useReplicaQuery } from "./use-replica-query.js";

/**
 * A photo's bytes still waiting on this device, or null once the server has them. Keyed under the
 * replica, so each sync re-checks whether the upload has happened.
 */
export const useQueuedFile = (sha256: string | null) =>
  useReplicaQuery(["queued-file", sha256], async (layer) =>
    sha256 ? ((await layer.files.get(sha256)) ?? null) : null,
  );
