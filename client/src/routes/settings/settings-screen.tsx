import { can } from "@worktrackr/shared-schema";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useSession } from "../../api/use-session.js";
import { EmptyState } from "../../components/empty-state.js";
import { cardClass, linkClass } from "../../components/form/form-styles.js";
import { SignOutButton } from "../../components/sign-out-button.js";
import { ChangePasswordForm } from "./change-password-form.js";
import { ProfileForm } from "./profile-form.js";
import { SessionsSection } from "./sessions-section.js";
import { TwoFactorSection } from "./two-factor-section.js";

function SettingsCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={cardClass}>
      <h2 id={id} className="mb-4 text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The signed-in person's own account, and the way to the organisation's plan for admins. */
export function SettingsScreen() {
  const session = useSession();
  if (!session.data) {
    return (
      <EmptyState title="Settings">
        {session.isPending ? (
          "Loading your settings…"
        ) : (
          <>
            <Link to="/login" className={linkClass}>
              Sign in
            </Link>{" "}
            to change your profile, password and two-factor sign-in.
          </>
        )}
      </EmptyState>
    );
  }
  const { user, role, organisation } = session.data;
  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <h1 id="page-title" className="text-2xl font-bold text-slate-900">
        Settings
      </h1>
      <div className="grid gap-6 lg:grid-cols-2">
        <SettingsCard id="profile-title" title="Profile">
          <ProfileForm key={user.id} user={user} />
        </SettingsCard>
        <SettingsCard id="password-title" title="Password">
          <ChangePasswordForm />
        </SettingsCard>
        <SettingsCard id="two-factor-title" title="Two-factor sign-in">
          <TwoFactorSection user={user} />
        </SettingsCard>
        <SettingsCard id="organisation-title" title="Organisation">
          <p className="text-slate-700">
            {organisation ? organisation.name : "No organisation"}
            {role ? ` · you are ${role === "admin" ? "an admin" : `a ${role}`}` : ""}
          </p>
          <p className="mt-2 text-slate-700">
            {role && can(role, "billing.manage") ? (
              <>
                Manage the organisation's{" "}
                <Link to="/settings/billing" className={linkClass}>
                  plan and billing
                </Link>
                .
              </>
            ) : (
              <>
                See the organisation's{" "}
                <Link to="/settings/billing" className={linkClass}>
                  plan and billing
                </Link>
                ; an admin manages them.
              </>
            )}
          </p>
        </SettingsCard>
        <div className="lg:col-span-2">
          <SettingsCard id="sessions-title" title="Signed-in sessions">
            <SessionsSection />
          </SettingsCard>
        </div>
        <SettingsCard id="device-title" title="This device">
          <p className="mb-3 text-slate-700">
            Signing out deletes your data from this device. Changes that have not reached the server are lost, so you
            are asked first.
          </p>
          <SignOutButton userId={user.id} />
        </SettingsCard>
      </div>
    </section>
  );
}
