import { Link } from "react-router";
import { useSession } from "../api/use-session.js";
import { useSubscription } from "../api/use-subscription.js";

/** Always visible when it matters: a trial about to end, or an organisation whose changes are paused. */
export function BillingBanner() {
  const session = useSession();
  const subscription = useSubscription(Boolean(session.data?.organisation));
  const state = subscription.data;
  if (!state) return null;
  const isAdmin = session.data?.role === "admin";
  if (state.isReadOnly) {
    return (
      <div role="alert" className="border-b border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
        <div className="mx-auto max-w-5xl">
          {state.readOnlyReason}{" "}
          {isAdmin ? (
            <Link to="/settings/billing" className="font-semibold underline">
              Choose a plan
            </Link>
          ) : null}
        </div>
      </div>
    );
  }
  if (state.status === "none" && state.trialDaysLeft !== null && state.trialDaysLeft <= 7) {
    return (
      <div className="border-b border-sky-200 bg-sky-50 px-4 py-2 text-sm text-sky-950">
        <p className="mx-auto max-w-5xl">
          {state.trialDaysLeft === 1 ? "1 day" : `${state.trialDaysLeft} days`} left in your trial.{" "}
          {isAdmin ? (
            <Link to="/settings/billing" className="font-semibold underline">
              Plan &amp; billing
            </Link>
          ) : null}
        </p>
      </div>
    );
  }
  return null;
}
