import { type Role, roles, userApi } from "@worktrackr/shared-schema";
import { type FormEvent, useId, useState } from "react";
import { Link } from "react-router";
import { ApiRequestError, apiFetch } from "../../api/api-fetch.js";
import { useSchemaForm } from "../../api/use-schema-form.js";
import { FormMessage } from "../../components/form/form-message.js";
import { inputClass, linkClass, primaryButtonClass } from "../../components/form/form-styles.js";
import { TextField } from "../../components/form/text-field.js";
import { roleDescriptions, roleLabels } from "./team-members.js";
import { useRefreshTeam } from "./use-team.js";

const labels = { email: "Email", role: "Role" } as const;

/** Invites someone by email with a role; a full organisation is offered a seat instead. */
export function InviteForm() {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("staff");
  const [invited, setInvited] = useState<string | null>(null);
  const roleId = useId();
  const refresh = useRefreshTeam();
  const invite = useSchemaForm({
    schema: userApi.ZInviteMember,
    labels,
    send: (body: { email: string; role: Role }) =>
      apiFetch<userApi.Member>("/api/user/members", { method: "POST", body }),
    onSuccess: async (member) => {
      setInvited(member.email);
      setEmail("");
      await refresh();
    },
  });

  const isSeatLimit = invite.error instanceof ApiRequestError && invite.error.body.code === "seat_limit";

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setInvited(null);
    invite.submit({ email, role });
  };

  return (
    <form aria-labelledby="invite-title" onSubmit={onSubmit} className="space-y-4" noValidate>
      <h2 id="invite-title" className="text-lg font-semibold text-slate-900">
        Invite a teammate
      </h2>
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <TextField
          label={labels.email}
          type="email"
          name="email"
          autoComplete="off"
          required
          value={email}
          onValueChange={setEmail}
          error={invite.errors.fields.email}
        />
        <div>
          <label htmlFor={roleId} className="block text-sm font-medium text-slate-700">
            Role
          </label>
          <select
            id={roleId}
            name="role"
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
            className={inputClass}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabels[r]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="text-sm text-slate-500">{roleDescriptions[role]}</p>
      {isSeatLimit ? (
        <div role="alert" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <p>{invite.errors.form}</p>
          <p className="mt-1">
            <Link to="/settings/billing" className={linkClass}>
              Add a seat in Plan &amp; billing
            </Link>
          </p>
        </div>
      ) : (
        <FormMessage
          error={invite.errors.form ?? invite.errors.fields.role}
          success={invited ? `Invitation sent to ${invited}.` : null}
        />
      )}
      <button type="submit" disabled={invite.isPending} className={primaryButtonClass}>
        {invite.isPending ? "Sending…" : "Send invitation"}
      </button>
    </form>
  );
}
