import { can } from "@worktrackr/shared-schema";
import { Link } from "react-router";
import { formErrorsFromApi } from "../../api/form-errors.js";
import { useSession } from "../../api/use-session.js";
import { useSubscription } from "../../api/use-subscription.js";
import { EmptyState } from "../../components/empty-state.js";
import { cardClass, linkClass } from "../../components/form/form-styles.js";
import { InvitationRow } from "./invitation-row.js";
import { InviteForm } from "./invite-form.js";
import { MemberRow } from "./member-row.js";
import { splitTeam } from "./team-members.js";
import { useTeamMembers } from "./use-team.js";

/** The team: admins invite, change roles and remove; managers look; staff are told who can. */
export function TeamScreen() {
  const session = useSession();
  const role = session.data?.role ?? null;
  const canView = role !== null && can(role, "members.view");
  const canManage = role !== null && can(role, "members.manage");
  const members = useTeamMembers(canView);
  const subscription = useSubscription(canManage);
  const seats = subscription.data?.seats;

  if (session.isPending) return <EmptyState title="Team">Loading the team…</EmptyState>;
  if (!session.data) {
    return (
      <EmptyState title="Team">
        <Link to="/login" className={linkClass}>
          Sign in
        </Link>{" "}
        to see your team.
      </EmptyState>
    );
  }
  if (role && !canView) {
    return (
      <EmptyState title="Team">Only admins and managers can see the team. Ask an admin to add someone.</EmptyState>
    );
  }

  const team = members.data ? splitTeam(members.data) : null;
  const userId = session.data?.user.id;
  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 id="page-title" className="flex-1 text-2xl font-bold text-slate-900">
          Team
        </h1>
        {seats ? (
          <p className="text-sm text-slate-600">
            {seats.used} of {seats.paid} seats used ·{" "}
            <Link to="/settings/billing" className={linkClass}>
              Plan &amp; billing
            </Link>
          </p>
        ) : null}
      </div>
      {canManage ? (
        <div className={cardClass}>
          <InviteForm />
        </div>
      ) : (
        <p className="text-slate-600">You can see the team; only an admin can invite people or change roles.</p>
      )}
      {members.error ? (
        <p role="alert" className="text-sm text-red-700">
          {formErrorsFromApi(members.error, {}).form}
        </p>
      ) : null}
      {team ? (
        <>
          <section aria-labelledby="members-title">
            <h2 id="members-title" className="text-lg font-semibold text-slate-900">
              Members
            </h2>
            <ul aria-label="Members" className="mt-2 divide-y divide-slate-200 rounded-xl bg-white shadow-sm">
              {team.members.map((member) => (
                <MemberRow key={member.id} member={member} isYou={member.userId === userId} canManage={canManage} />
              ))}
            </ul>
          </section>
          <section aria-labelledby="invitations-title">
            <h2 id="invitations-title" className="text-lg font-semibold text-slate-900">
              Pending invitations
            </h2>
            {team.invitations.length === 0 ? (
              <p className="mt-2 text-slate-600">No invitations waiting to be accepted.</p>
            ) : (
              <ul
                aria-label="Pending invitations"
                className="mt-2 divide-y divide-slate-200 rounded-xl bg-white shadow-sm"
              >
                {team.invitations.map((invitation) => (
                  <InvitationRow key={invitation.id} invitation={invitation} canManage={canManage} />
                ))}
              </ul>
            )}
          </section>
        </>
      ) : members.isPending && canView ? (
        <p className="text-slate-600">Loading the team…</p>
      ) : null}
    </section>
  );
}
