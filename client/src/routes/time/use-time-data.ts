import { useQuery } from "@tanstack/react-query";
import { listMyEntries, listTaskOptions, listTicketOptions } from "../../data/time/time-entries.js";
import { findMyTimesheet, listTimesheetsToDecide } from "../../data/time/timesheets.js";
import type { Week } from "../../data/time/week.js";
import { replicaQueryKey } from "../../hooks/replica-query-key.js";
import { useDataLayer } from "../../hooks/use-data-layer.js";

/** The user's entries in a week, live as writes and syncs land. */
export function useWeekEntries(week: Week) {
  const layer = useDataLayer();
  return useQuery({
    queryKey: replicaQueryKey(layer, "time-entries", week.weekStart),
    queryFn: () => (layer ? listMyEntries(layer, week) : []),
    enabled: layer !== null,
    networkMode: "always",
  });
}

/** The user's timesheet for a week (null when none was started). */
export function useMyTimesheet(weekStart: string) {
  const layer = useDataLayer();
  return useQuery({
    queryKey: replicaQueryKey(layer, "timesheet", weekStart),
    queryFn: () => (layer ? findMyTimesheet(layer, weekStart) : null),
    enabled: layer !== null,
    networkMode: "always",
  });
}

/** Tickets and tasks time can be booked on. */
export function useBookingOptions() {
  const layer = useDataLayer();
  return useQuery({
    queryKey: replicaQueryKey(layer, "booking-options"),
    queryFn: async () =>
      layer
        ? { tickets: await listTicketOptions(layer), tasks: await listTaskOptions(layer) }
        : { tickets: [], tasks: [] },
    enabled: layer !== null,
    networkMode: "always",
  });
}

/** Submitted timesheets of the team, for a manager to decide. */
export function useTimesheetsToDecide() {
  const layer = useDataLayer();
  return useQuery({
    queryKey: replicaQueryKey(layer, "timesheets-to-decide"),
    queryFn: () => (layer ? listTimesheetsToDecide(layer) : []),
    enabled: layer !== null,
    networkMode: "always",
  });
}
