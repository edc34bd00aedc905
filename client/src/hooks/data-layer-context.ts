import { createContext } from "react";
import type { DataLayer } from "../data/data-layer.js";
import type { SyncStatusStore } from "../data/sync-status.js";

export interface DataLayerState {
  /** The signed-in user's data layer, once open; null when signed out or still opening. */
  readonly layer: DataLayer | null;
  /** Connection state only, for when there is no data layer. */
  readonly idleStatus: SyncStatusStore;
}

export const DataLayerContext = createContext<DataLayerState | null>(null);
