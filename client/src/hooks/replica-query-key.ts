import type { DataLayer } from "../data/data-layer.js";

/** Every query over the replica starts with this, so one invalidation re-reads them all after a change. */
export const replicaRoot = ["replica"] as const;

export const replicaQueryKey = (layer: DataLayer | null, ...rest: readonly unknown[]) => [
  ...replicaRoot,
  layer?.identity.userId ?? null,
  layer?.identity.organisationId ?? null,
  ...rest,
];
