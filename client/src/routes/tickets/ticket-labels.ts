/** How statuses and priorities read, and the colours that tell them apart at a glance. */
export const statusLabels: Record<string, string> = {
  open: "Open",
  pending: "Pending",
  resolved: "Resolved",
  closed: "Closed",
};

export const priorityLabels: Record<string, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
  urgent: "Urgent",
};

export const statusBadge: Record<string, string> = {
  open: "bg-brand-50 text-brand-700 ring-brand-600/20",
  pending: "bg-amber-50 text-amber-800 ring-amber-600/20",
  resolved: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  closed: "bg-slate-100 text-slate-700 ring-slate-500/20",
};

export const priorityBadge: Record<string, string> = {
  low: "bg-slate-50 text-slate-600 ring-slate-500/20",
  medium: "bg-sky-50 text-sky-800 ring-sky-600/20",
  high: "bg-orange-50 text-orange-800 ring-orange-600/20",
  urgent: "bg-red-50 text-red-800 ring-red-600/30",
};

export const badgeClass = "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";
