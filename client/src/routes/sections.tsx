import { Link } from "react-router";
import { EmptyState } from "../components/empty-state.js";

export function TeamScreen() {
  return <EmptyState title="Team">Members, invitations and roles will appear here.</EmptyState>;
}

export function SettingsScreen() {
  return (
    <EmptyState title="Settings">
      Your profile, password and two-factor sign-in will appear here. Admins manage the organisation's{" "}
      <Link to="/settings/billing" className="font-semibold text-brand-700 underline">
        plan and billing
      </Link>
      .
    </EmptyState>
  );
}

export function NotFoundScreen() {
  return <EmptyState title="Page not found">There is nothing at this address. Use the sections above.</EmptyState>;
}
