import type { userApi } from "@worktrackr/shared-schema";
import { formErrorsFromApi } from "../../api/form-errors.js";
import { dangerButtonClass } from "../../components/form/form-styles.js";
import { roleLabels } from "./team-members.js";
import { useRemoveMember } from "./use-team.js";

const dateFormat = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric" });

/** An invitation not accepted yet; admins may revoke it, which frees its seat. */
export function InvitationRow({ invitation, canManage }: { invitation: userApi.Member; canManage: boolean }) {
  const revoke = useRemoveMember(invitation.id);
  return (
    <li className="px-4 py-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="min-w-0 flex-1">
          <p className="truncate font-medium text-slate-900">{invitation.email}</p>
          <p className="text-sm text-slate-600">
            {roleLabels[invitation.role]} · invited {dateFormat.format(new Date(invitation.createdAt))}
          </p>
        </div>
        {canManage ? (
          <button
            type="button"
            aria-label={`Revoke the invitation to ${invitation.email}`}
            disabled={revoke.isPending}
            onClick={() => revoke.mutate()}
            className={dangerButtonClass}
          >
            Revoke
          </button>
        ) : null}
      </div>
      {revoke.error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {formErrorsFromApi(revoke.error, {}).form}
        </p>
      ) : null}
    </li>
  );
}
