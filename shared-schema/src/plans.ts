/**
 * The plans WorkTrackr sells (the blueprints' pricing): the one place their seats and shown prices
 * live. Prices are in pence per month; Stripe price ids come from the server's configuration.
 */
export const plans = {
  individual: { name: "Individual", monthlyPence: 1500, includedSeats: 1, allowsExtraSeats: false },
  starter: { name: "Starter", monthlyPence: 4900, includedSeats: 5, allowsExtraSeats: true },
  pro: { name: "Pro", monthlyPence: 9900, includedSeats: 10, allowsExtraSeats: true },
  enterprise: { name: "Enterprise", monthlyPence: null, includedSeats: 25, allowsExtraSeats: true },
} as const;
export type PlanId = keyof typeof plans;

/** Each seat beyond a plan's included ones. */
export const extraSeatMonthlyPence = 900;
