import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { isTableName, type syncApi } from "@worktrackr/shared-schema";
import { apiFetch } from "../api/api-fetch.js";
import { useSession } from "../api/use-session.js";
import { useDataLayer } from "../hooks/use-data-layer.js";

const show = (value: unknown) =>
  value === null || value === undefined ? "(empty)" : typeof value === "string" ? value : JSON.stringify(value);

/**
 * The conflict inbox: what the server merged or refused, with both values. Whoever lost a field to a
 * later edit can put their value back (a new edit, so it wins now and is synced like any other).
 */
export function ConflictsScreen() {
  const session = useSession();
  const layer = useDataLayer();
  const queryClient = useQueryClient();
  const conflicts = useQuery({
    queryKey: ["conflicts"],
    queryFn: () => apiFetch<{ conflicts: syncApi.Conflict[] }>("/api/sync/conflicts"),
    enabled: Boolean(session.data?.organisation),
  });
  const seen = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/sync/conflicts/${id}/seen`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["conflicts"] }),
  });
  const reapply = useMutation({
    mutationFn: async (conflict: syncApi.Conflict) => {
      if (!layer || !conflict.field || !isTableName(conflict.table)) return;
      await layer.engine.write(conflict.table, "upsert", {
        id: conflict.rowId,
        [conflict.field]: conflict.losingValue,
      });
      await apiFetch(`/api/sync/conflicts/${conflict.id}/seen`, { method: "POST" });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["conflicts"] }),
  });
  const me = session.data?.user.id;
  const items = conflicts.data?.conflicts ?? [];

  return (
    <section aria-labelledby="conflicts-title" className="space-y-4">
      <h1 id="conflicts-title" className="text-2xl font-bold">
        Conflict inbox
      </h1>
      {items.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">
          {conflicts.isLoading ? "Loading…" : "Nothing to review: every change you made was applied as you made it."}
        </p>
      ) : (
        <ul className="space-y-3">
          {items.map((c) => {
            const isMine = c.losingUserId === me;
            return (
              <li key={c.id} className={`rounded-xl bg-white p-4 shadow-sm ${c.seenAt ? "opacity-70" : ""}`}>
                <p className="text-sm font-semibold text-slate-900">
                  {c.table.replace(/_/g, " ")}
                  {c.field ? ` · ${c.field.replace(/_/g, " ")}` : ""}
                </p>
                <p className="mt-1 text-sm text-slate-700">{c.reason}</p>
                {c.field ? (
                  <dl className="mt-2 grid gap-1 text-sm sm:grid-cols-2">
                    <div>
                      <dt className="text-slate-600">{isMine ? "Your value" : "Their value"}</dt>
                      <dd className="font-medium">{show(c.losingValue)}</dd>
                    </div>
                    <div>
                      <dt className="text-slate-600">Kept</dt>
                      <dd className="font-medium">{show(c.winningValue)}</dd>
                    </div>
                  </dl>
                ) : null}
                <div className="mt-3 flex gap-2">
                  {isMine && c.field && c.rule === "field-lww" && !c.seenAt ? (
                    <button
                      type="button"
                      onClick={() => reapply.mutate(c)}
                      className="rounded-lg bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-slate-900"
                    >
                      Use my value
                    </button>
                  ) : null}
                  {!c.seenAt ? (
                    <button
                      type="button"
                      onClick={() => seen.mutate(c.id)}
                      className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100"
                    >
                      Mark as seen
                    </button>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
