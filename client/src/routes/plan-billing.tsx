import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiRequestError, apiFetch } from "../api/api-fetch.js";
import { useSession } from "../api/use-session.js";
import { useSubscription } from "../api/use-subscription.js";

const pounds = (pence: number) => `£${(pence / 100).toFixed(2)}`;
const buttonClass =
  "rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-900 disabled:opacity-60";

/** Plan & billing (admins): the plan, seats used of paid, adding a seat, the Stripe customer portal. */
export function PlanBillingScreen() {
  const session = useSession();
  const subscription = useSubscription(Boolean(session.data?.organisation));
  const queryClient = useQueryClient();
  const addSeat = useMutation({
    mutationFn: (extraSeats: number) => apiFetch("/api/billing/update-seats", { method: "POST", body: { extraSeats } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["subscription"] }),
  });
  const portal = useMutation({
    mutationFn: () => apiFetch<{ url: string }>("/api/billing/portal"),
    onSuccess: ({ url }) => window.location.assign(url),
  });
  const state = subscription.data;
  const error = [addSeat.error, portal.error, subscription.error].find((e) => e instanceof ApiRequestError);

  return (
    <section aria-labelledby="billing-title" className="space-y-6">
      <h1 id="billing-title" className="text-2xl font-bold">
        Plan &amp; billing
      </h1>
      {session.data && session.data.role !== "admin" ? (
        <p className="text-slate-700">Only an admin of your organisation can manage its plan.</p>
      ) : null}
      {state ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="rounded-xl bg-white p-5 shadow-sm">
            <h2 className="text-sm font-medium text-slate-600">Plan</h2>
            <p className="mt-1 text-xl font-semibold">{state.planName}</p>
            <p className="mt-1 text-sm text-slate-700">
              {state.status === "none"
                ? state.trialDaysLeft
                  ? `Trial: ${state.trialDaysLeft} days left`
                  : "Trial ended"
                : `Subscription ${state.status.replace("_", " ")}`}
            </p>
            {state.nextInvoiceEstimatePence ? (
              <p className="mt-1 text-sm text-slate-700">
                Next invoice about {pounds(state.nextInvoiceEstimatePence)} a month
              </p>
            ) : null}
          </div>
          {state.seats ? (
            <div className="rounded-xl bg-white p-5 shadow-sm">
              <h2 className="text-sm font-medium text-slate-600">Seats</h2>
              <p className="mt-1 text-xl font-semibold">
                {state.seats.used} of {state.seats.paid} used
              </p>
              <p className="mt-1 text-sm text-slate-700">
                {state.seats.included} with the plan
                {state.seats.extra ? `, ${state.seats.extra} extra at £9 a month each` : ""}
              </p>
              {state.configured ? (
                <button
                  type="button"
                  className={`${buttonClass} mt-3`}
                  disabled={addSeat.isPending}
                  onClick={() => addSeat.mutate((state.seats?.extra ?? 0) + 1)}
                >
                  Add a seat
                </button>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}
      {state && !state.configured ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-4 text-slate-700">
          Billing is not configured on this server, so your organisation runs on its {state.planName} plan.
        </p>
      ) : null}
      {state?.configured && session.data?.role === "admin" ? (
        <button type="button" className={buttonClass} disabled={portal.isPending} onClick={() => portal.mutate()}>
          Open billing portal
        </button>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error.message}
        </p>
      ) : null}
    </section>
  );
}
