import { type Role, roles, type userApi } from "@worktrackr/shared-schema";
import { useId, useState } from "react";
import { formErrorsFromApi } from "../../api/form-errors.js";
import { dangerButtonClass, secondaryButtonClass } from "../../components/form/form-styles.js";
import { roleLabels } from "./team-members.js";
import { useChangeRole, useRemoveMember } from "./use-team.js";

const noLabels = {} as const;

/** One member: their role (a choice for admins), and removal after a second click to confirm. */
export function MemberRow({
  member,
  isYou,
  canManage,
}: {
  member: userApi.Member;
  isYou: boolean;
  canManage: boolean;
}) {
  const roleId = useId();
  const [isConfirming, setConfirming] = useState(false);
  const changeRole = useChangeRole(member.id);
  const remove = useRemoveMember(member.id);
  const failure = changeRole.error ?? remove.error;
  const problem = failure ? formErrorsFromApi(failure, noLabels).form : null;

  return (
    <li className="px-4 py-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="min-w-0 flex-1">
          <p className="font-medium text-slate-900">
            {member.name}
            {isYou ? <span className="ml-2 text-sm font-normal text-slate-500">(you)</span> : null}
            {member.status === "disabled" ? (
              <span className="ml-2 rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700">
                Disabled
              </span>
            ) : null}
          </p>
          <p className="truncate text-sm text-slate-600">{member.email}</p>
        </div>
        {canManage ? (
          <div className="flex items-center gap-2">
            <label htmlFor={roleId} className="sr-only">
              Role of {member.name}
            </label>
            <select
              id={roleId}
              value={member.role}
              disabled={changeRole.isPending}
              onChange={(event) => {
                remove.reset();
                changeRole.mutate(event.target.value as Role);
              }}
              className="rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm"
            >
              {roles.map((r) => (
                <option key={r} value={r}>
                  {roleLabels[r]}
                </option>
              ))}
            </select>
            {isConfirming ? null : (
              <button
                type="button"
                aria-label={`Remove ${member.name}`}
                onClick={() => {
                  changeRole.reset();
                  setConfirming(true);
                }}
                className={dangerButtonClass}
              >
                Remove
              </button>
            )}
          </div>
        ) : (
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-sm font-medium text-slate-700">
            {roleLabels[member.role]}
          </span>
        )}
      </div>
      {isConfirming ? (
        <div className="mt-3 flex flex-wrap items-center gap-2 rounded-lg bg-red-50 p-3 text-sm text-red-900">
          <p className="flex-1">
            Remove {member.name} from the organisation? They lose access at once; their work stays.
          </p>
          <button
            type="button"
            disabled={remove.isPending}
            onClick={() => {
              setConfirming(false);
              remove.mutate();
            }}
            className={dangerButtonClass}
          >
            Yes, remove {member.name}
          </button>
          <button type="button" onClick={() => setConfirming(false)} className={secondaryButtonClass}>
            Cancel
          </button>
        </div>
      ) : null}
      {problem ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {problem}
        </p>
      ) : null}
    </li>
  );
}
