import { describeSyncStatus } from "../data/sync-status.js";
import { useDataLayer } from "../hooks/use-data-layer.js";
import { useSyncStatus } from "../hooks/use-sync-status.js";

const formatTime = (at: number) => new Date(at).toLocaleTimeString([], { hour: "numeric", minute: "2-digit" });

/** Always visible: whether the device is online, what is waiting to be sent, when it last synced. */
export function SyncStatusBar() {
  const status = useSyncStatus();
  const layer = useDataLayer();
  const isCalm = status.isOnline && status.pendingCount === 0 && !status.isUpdateRequired;
  return (
    <div className="flex items-center gap-2">
      <p
        role="status"
        title={status.lastError ?? undefined}
        className={`rounded-full px-3 py-1 text-sm font-medium ${isCalm ? "bg-emerald-100 text-emerald-800" : "bg-amber-100 text-amber-900"}`}
      >
        {describeSyncStatus(status, formatTime)}
      </p>
      {layer ? (
        <button
          type="button"
          onClick={() => void layer.engine.syncNow()}
          disabled={!status.isOnline || status.isUpdateRequired}
          className="whitespace-nowrap rounded-lg border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-50"
        >
          Sync now
        </button>
      ) : null}
    </div>
  );
}
