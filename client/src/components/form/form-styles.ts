/** The look every form in the app shares. */
export const inputClass =
  "mt-1 block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-brand-500 aria-invalid:border-red-600 disabled:bg-slate-50 disabled:text-slate-500";

export const labelClass = "block text-sm font-medium text-slate-700";

export const primaryButtonClass =
  "rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-slate-900 disabled:opacity-60";

export const secondaryButtonClass =
  "rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60";

export const dangerButtonClass =
  "rounded-lg border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60";

export const cardClass = "rounded-xl bg-white p-5 shadow-sm sm:p-6";

export const linkClass = "font-semibold text-brand-700 underline hover:text-slate-900";
