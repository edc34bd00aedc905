import type { ReactNode } from "react";

/** The frame of the signed-out screens: a heading, the form in a card, and links to the others. */
export function AuthCard({
  title,
  intro,
  children,
  footer,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    // No aria-labelledby: a region named "Choose a new password" would answer to getByLabel("Password") too.
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
      {intro ? <div className="mt-2 text-slate-600">{intro}</div> : null}
      <div className="mt-6 rounded-xl bg-white p-6 shadow-sm">{children}</div>
      {footer ? <div className="mt-4 space-y-2 text-sm text-slate-700">{footer}</div> : null}
    </div>
  );
}
