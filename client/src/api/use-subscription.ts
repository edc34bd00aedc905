import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch.js";

/** GET /api/billing/subscription: what every member may know, and the figures admins see. */
export interface Subscription {
  readonly configured: boolean;
  readonly plan: string;
  readonly planName: string;
  readonly status: string;
  readonly trialEndsAt: string | null;
  readonly trialDaysLeft: number | null;
  readonly isReadOnly: boolean;
  readonly readOnlyReason: string | null;
  readonly currentPeriodEnd?: string | null;
  readonly seats?: { readonly included: number; readonly extra: number; readonly used: number; readonly paid: number };
  readonly nextInvoiceEstimatePence?: number | null;
}

export function useSubscription(isSignedIn: boolean) {
  return useQuery({
    queryKey: ["subscription"],
    queryFn: () => apiFetch<Subscription>("/api/billing/subscription"),
    enabled: isSignedIn,
    // Offline, the last answer stands; the banner must not flicker away.
    staleTime: 60_000,
  });
}
