import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { askForPersistentStorage } from "../data/persistent-storage.js";
import { useDataLayer } from "../hooks/use-data-layer.js";

const dismissedKey = "worktrackr-storage-notice-dismissed";

/**
 * Says when the browser refused persistent storage: then it may clear this device's copy, and
 * unsent changes with it, when space runs low. Installing the app usually earns the promise.
 */
export function StorageNotice() {
  const layer = useDataLayer();
  const [isDismissed, setDismissed] = useState(() => localStorage.getItem(dismissedKey) === "1");
  const persistence = useQuery({
    queryKey: ["storage-persistence"],
    queryFn: () => askForPersistentStorage(navigator.storage),
    enabled: layer !== null,
    networkMode: "always",
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (persistence.data !== "refused" || isDismissed) return null;
  return (
    <aside aria-label="Storage" className="mx-auto mt-3 w-full max-w-5xl px-4">
      <div className="flex items-start gap-3 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        <p className="flex-1">
          This browser may clear WorkTrackr's offline data when space runs low. Installing the app keeps it safe.
        </p>
        <button
          type="button"
          onClick={() => {
            localStorage.setItem(dismissedKey, "1");
            setDismissed(true);
          }}
          className="font-semibold underline"
        >
          Dismiss
        </button>
      </div>
    </aside>
  );
}
