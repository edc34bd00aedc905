import { NavLink, Outlet } from "react-router";
import { useSession } from "../api/use-session.js";
import { BillingBanner } from "./billing-banner.js";
import { SignOutButton } from "./sign-out-button.js";
import { StorageNotice } from "./storage-notice.js";
import { SyncProblems } from "./sync-problems.js";
import { SyncStatusBar } from "./sync-status-bar.js";
import { UpdatePrompt } from "./update-prompt.js";

const sections = [
  { to: "/", label: "My work" },
  { to: "/tickets", label: "Tickets" },
  { to: "/time", label: "Time" },
  { to: "/team", label: "Team", isForManagers: true },
  { to: "/conflicts", label: "Conflicts" },
  { to: "/settings", label: "Settings" },
] as const;

/** The shell every screen sits in: brand, sections, sync status, update prompt. */
export function AppLayout() {
  const session = useSession();
  // Crew have no Team screen to use; everyone else sees every section.
  const isCrew = session.data?.role === "staff";
  const shown = sections.filter((s) => !("isForManagers" in s && isCrew));
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl items-center gap-3 px-4 py-3">
          <p className="flex items-center gap-2 text-lg font-bold text-slate-900">
            <img src="/icons/icon-192.png" alt="" className="h-8 w-8 shrink-0 rounded-lg" />
            {/* On a phone the mark alone leaves room for the sync status; screen readers still hear the name. */}
            <span className="sr-only sm:not-sr-only">WorkTrackr</span>
          </p>
          <div className="ml-auto flex flex-wrap items-center justify-end gap-2">
            <SyncStatusBar />
            {session.data ? (
              <>
                <span className="hidden text-sm text-slate-600 sm:inline">{session.data.user.name}</span>
                {/* On a phone, Sign out lives in Settings: the header keeps one row for the sync status. */}
                <div className="hidden sm:block">
                  <SignOutButton userId={session.data.user.id} />
                </div>
              </>
            ) : (
              <NavLink
                to="/login"
                className="rounded-lg bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-slate-900"
              >
                Sign in
              </NavLink>
            )}
          </div>
        </div>
        {/* A tab bar at the thumb's reach on a phone; a row under the header from sm up. */}
        <nav
          aria-label="Sections"
          className="fixed inset-x-0 bottom-0 z-40 border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)] sm:static sm:mx-auto sm:max-w-5xl sm:border-0 sm:bg-transparent sm:px-2 sm:pb-0"
        >
          <ul className="grid auto-cols-fr grid-flow-col sm:flex sm:gap-1">
            {shown.map((s) => (
              <li key={s.to}>
                <NavLink
                  to={s.to}
                  end={s.to === "/"}
                  className={({ isActive }) =>
                    `block whitespace-nowrap border-t-2 px-1 py-3 text-center text-xs font-medium sm:border-t-0 sm:border-b-2 sm:px-3 sm:py-2 sm:text-sm ${isActive ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`
                  }
                >
                  {s.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <SyncProblems />
      <BillingBanner />
      <StorageNotice />
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 pt-6 pb-24 sm:pb-6">
        <Outlet />
      </main>
      <UpdatePrompt />
    </div>
  );
}
