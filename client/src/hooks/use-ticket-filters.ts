import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { filtersFromParams, paramsFromFilters, type TicketFilters } from "../data/tickets/ticket-filters.js";

/** The ticket list's filters, in the URL: they survive a reload and a shared link. */
export function useTicketFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const setFilters = useCallback(
    (next: TicketFilters) => setParams(paramsFromFilters(next), { replace: true }),
    [setParams],
  );
  return [filters, setFilters] as const;
}
