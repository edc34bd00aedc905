/** Where a due or scheduled date stands against today (both YYYY-MM-DD, local). */
export type DueState = "overdue" | "today" | "upcoming" | "none";

export function dueState(date: string | null, today: string): DueState {
  if (!date) return "none";
  if (date < today) return "overdue";
  return date === today ? "today" : "upcoming";
}
