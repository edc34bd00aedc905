import { useQuery } from "@tanstack/react-query";
import { replicaQueryKey } from "../hooks/replica-query-key.js";
import { useDataLayer } from "../hooks/use-data-layer.js";
import { useSyncStatus } from "../hooks/use-sync-status.js";
import { checkForUpdate } from "../pwa/register-service-worker.js";

const describeRow = (row: Record<string, unknown>) =>
  typeof row.title === "string" ? `“${row.title}”` : typeof row.name === "string" ? `“${row.name}”` : "";

/**
 * What the person must know about syncing: the last error, an app update the server requires,
 * and every write the server refused, with its reason, kept until they dismiss it.
 */
export function SyncProblems() {
  const status = useSyncStatus();
  const layer = useDataLayer();
  const refused = useQuery({
    queryKey: replicaQueryKey(layer, "refused", status.rejectedCount),
    queryFn: () => (layer ? layer.engine.rejectedChanges() : []),
    enabled: layer !== null && status.rejectedCount > 0,
    networkMode: "always",
  });

  if (status.isUpdateRequired) {
    return (
      <div
        role="alert"
        className="mx-auto mt-3 flex max-w-5xl items-center gap-3 rounded-xl bg-amber-100 p-3 text-amber-950"
      >
        <p className="flex-1 text-sm">{status.lastError}</p>
        <button
          type="button"
          onClick={() => void checkForUpdate().catch((error: unknown) => console.error("update check failed", error))}
          className="rounded-lg bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white"
        >
          Check for update
        </button>
      </div>
    );
  }
  const entries = status.rejectedCount > 0 ? (refused.data ?? []) : [];
  return (
    <>
      {status.lastError && status.isOnline ? (
        <p className="mx-auto mt-2 max-w-5xl px-4 text-sm text-amber-900">{status.lastError}</p>
      ) : null}
      {entries.length > 0 ? (
        <section aria-label="Refused changes" className="mx-auto mt-3 max-w-5xl rounded-xl bg-red-50 p-3 text-red-950">
          <h2 className="text-sm font-semibold">
            {entries.length === 1 ? "1 change was refused" : `${entries.length} changes were refused`}
          </h2>
          <ul className="mt-2 space-y-2">
            {entries.map((entry) => (
              <li key={entry.mutation.id} className="flex items-center gap-3 text-sm">
                <span className="flex-1">
                  {entry.mutation.table.replace(/_/g, " ")} {describeRow(entry.mutation.row)}: {entry.reason}
                </span>
                <button
                  type="button"
                  onClick={() => void layer?.engine.dismissRejected(entry.mutation.id)}
                  className="rounded-lg border border-red-300 bg-white px-2 py-1 font-medium"
                >
                  Dismiss
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
