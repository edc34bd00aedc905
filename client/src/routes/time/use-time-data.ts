import { listMyEntries, listTaskOptions, listTicketOptions } from "../../data/time/time-entries.js";
import { findMyTimesheet, listTimesheetsToDecide } from "../../data/time/timesheets.js";
import type { Week } from "../../data/time/week.js";
import { useReplicaQuery } from "../../hooks/use-replica-query.js";

/** The user's entries in a week, live as writes and syncs land. */
export const useWeekEntries = (week: Week) =>
  useReplicaQuery(["time-entries", week.weekStart], (layer) => listMyEntries(layer, week));

/** The user's timesheet for a week (null when none was started). */
export const useMyTimesheet = (weekStart: string) =>
  useReplicaQuery(["timesheet", weekStart], (layer) => findMyTimesheet(layer, weekStart));

/** Tickets and tasks time can be booked on. */
export const useBookingOptions = () =>
  useReplicaQuery(["booking-options"], async (layer) => ({
    tickets: await listTicketOptions(layer),
    tasks: await listTaskOptions(layer),
  }));

/** Submitted timesheets of the team, for a manager to decide. */
export const useTimesheetsToDecide = () => useReplicaQuery(["timesheets-to-decide"], listTimesheetsToDecide);
