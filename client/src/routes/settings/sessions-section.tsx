import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { authApi } from "@worktrackr/shared-schema";
import { apiFetch } from "../../api/api-fetch.js";
import { formErrorsFromApi } from "../../api/form-errors.js";
import { dangerButtonClass, secondaryButtonClass } from "../../components/form/form-styles.js";
import { describeDevice } from "./describe-device.js";

const sessionsKey = ["sessions"] as const;
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

const endSession = (id: string) => apiFetch<void>(`/api/auth/sessions/${encodeURIComponent(id)}`, { method: "DELETE" });

/** Where the account is signed in, and signing out the others (a lost phone, a shared computer). */
export function SessionsSection() {
  const queryClient = useQueryClient();
  const sessions = useQuery({
    queryKey: sessionsKey,
    queryFn: async () => (await apiFetch<{ sessions: authApi.DeviceSession[] }>("/api/auth/sessions")).sessions,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: sessionsKey });
  const endOne = useMutation({ mutationFn: endSession, onSettled: refresh });
  const endOthers = useMutation({
    mutationFn: async (others: readonly authApi.DeviceSession[]) => {
      await Promise.all(others.map((s) => endSession(s.id)));
    },
    onSettled: refresh,
  });
  const others = sessions.data?.filter((s) => !s.isCurrent) ?? [];
  const failure = sessions.error ?? endOne.error ?? endOthers.error;

  return (
    <div className="space-y-4">
      {sessions.data ? (
        <ul aria-label="Signed-in sessions" className="divide-y divide-slate-200 rounded-lg border border-slate-200">
          {sessions.data.map((session) => (
            <li key={session.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
              <div className="min-w-0 flex-1">
                <p className="font-medium text-slate-900">
                  {describeDevice(session.userAgent)}
                  {session.isCurrent ? (
                    <span className="ml-2 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800">
                      This device
                    </span>
                  ) : null}
                </p>
                <p className="text-sm text-slate-600">
                  Last active {timeFormat.format(new Date(session.lastActiveAt))}
                  {session.ipAddress ? ` · ${session.ipAddress}` : ""}
                </p>
              </div>
              {session.isCurrent ? null : (
                <button
                  type="button"
                  aria-label={`End the session on ${describeDevice(session.userAgent)}, last active ${timeFormat.format(new Date(session.lastActiveAt))}`}
                  disabled={endOne.isPending}
                  onClick={() => endOne.mutate(session.id)}
                  className={dangerButtonClass}
                >
                  End session
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : sessions.isPending ? (
        <p className="text-slate-600">Loading your sessions…</p>
      ) : null}
      {failure ? (
        <p role="alert" className="text-sm text-red-700">
          {formErrorsFromApi(failure, {}).form}
        </p>
      ) : null}
      {others.length > 0 ? (
        <button
          type="button"
          disabled={endOthers.isPending}
          onClick={() => endOthers.mutate(others)}
          className={secondaryButtonClass}
        >
          Sign out other sessions
        </button>
      ) : sessions.data ? (
        <p className="text-sm text-slate-600">You are signed in on this device only.</p>
      ) : null}
    </div>
  );
}
