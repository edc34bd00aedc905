import { useEffect, useState } from "react";
import { registerServiceWorker } from "../pwa/register-service-worker.js";

/** Offers a waiting new version of the app; never reloads on its own. */
export function UpdatePrompt() {
  const [activate, setActivate] = useState<(() => void) | null>(null);
  useEffect(() => registerServiceWorker((fn) => setActivate(() => fn)), []);
  if (!activate) return null;
  return (
    <div
      role="alert"
      className="fixed inset-x-4 bottom-20 z-50 sm:bottom-4 mx-auto flex max-w-md items-center gap-3 rounded-xl bg-slate-900 p-4 text-white shadow-lg"
    >
      <p className="flex-1 text-sm">A new version is ready.</p>
      <button
        type="button"
        onClick={activate}
        className="rounded-lg bg-white px-3 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-100"
      >
        Reload
      </button>
    </div>
  );
}
