import { useContext } from "react";
import type { DataLayer } from "../data/data-layer.js";
import { DataLayerContext, type DataLayerState } from "./data-layer-context.js";

export function useDataLayerState(): DataLayerState {
  const state = useContext(DataLayerContext);
  if (!state) throw new Error("useDataLayer needs a DataLayerProvider above it");
  return state;
}

/** The signed-in user's replica and sync engine; null when signed out or still opening. */
export function useDataLayer(): DataLayer | null {
  return useDataLayerState().layer;
}
