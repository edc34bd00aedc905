import type { ReactNode } from "react";

/** A screen's heading and a sentence about what it will hold. */
export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" className="text-2xl font-bold text-slate-900">
        {title}
      </h1>
      <div className="mt-4 rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">
        {children}
      </div>
    </section>
  );
}
