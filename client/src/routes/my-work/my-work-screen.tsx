import { NavLink } from "react-router";
import { useSession } from "../../api/use-session.js";
import { localIsoDate } from "../../data/time/week.js";
import { useDataLayer } from "../../hooks/use-data-layer.js";
import { useNow } from "../../hooks/use-now.js";
import { MyTasksSection } from "./my-tasks-section.js";
import { MyTicketsSection } from "./my-tickets-section.js";
import { RunningTimerCard } from "./running-timer-card.js";

/** The crew's home screen: the timer, then today's tickets and the user's tasks, all from the device. */
export function MyWorkScreen() {
  const session = useSession();
  const layer = useDataLayer();
  // "Today" and "overdue" move on at midnight without a reload.
  const today = localIsoDate(new Date(useNow(60_000)));
  const isSignedOut = session.isSuccess && session.data === null;

  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <h1 id="page-title" className="text-2xl font-bold text-slate-900">
        My work
      </h1>
      {isSignedOut ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">
          <NavLink to="/login" className="font-semibold text-brand-700 underline">
            Sign in
          </NavLink>{" "}
          to see your tickets, tasks and timer.
        </p>
      ) : !layer ? (
        <p className="text-slate-600">Opening your work on this device…</p>
      ) : (
        <>
          <RunningTimerCard />
          <MyTicketsSection today={today} />
          <MyTasksSection today={today} />
        </>
      )}
    </section>
  );
}
