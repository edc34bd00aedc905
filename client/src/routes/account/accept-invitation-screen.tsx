import { authApi } from "@worktrackr/shared-schema";
import { type FormEvent, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { apiFetch } from "../../api/api-fetch.js";
import { useSchemaForm } from "../../api/use-schema-form.js";
import { FormMessage } from "../../components/form/form-message.js";
import { linkClass, primaryButtonClass } from "../../components/form/form-styles.js";
import { TextField } from "../../components/form/text-field.js";
import { AuthCard } from "./auth-card.js";
import { useFinishSignIn } from "./use-finish-sign-in.js";

// The token is not a field on screen: a refusal of it is said for the whole form.
const labels = { name: "Your name", password: "Password", token: "This invitation link" } as const;

type Joiner = "new" | "existing";

/**
 * /accept-invitation?token=…, the link in the invitation email. Someone new chooses their name and
 * password; someone who already has an account enters its password. Either way they are signed in.
 */
export function AcceptInvitationScreen() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get("token") ?? "";
  const [joiner, setJoiner] = useState<Joiner>("new");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const finishSignIn = useFinishSignIn();
  const accept = useSchemaForm({
    schema: authApi.ZAcceptInvitation,
    labels,
    send: (body: { token: string; name?: string | undefined; password: string }) =>
      apiFetch<authApi.SessionInfo>("/api/auth/accept-invitation", { method: "POST", body }),
    onSuccess: finishSignIn,
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    accept.submit(joiner === "new" ? { token, name, password } : { token, password });
  };

  if (!token) {
    return (
      <AuthCard title="Join your team">
        <FormMessage error="This page needs the link from your invitation email. Open the link again, or ask whoever invited you to send a new one." />
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title="Join your team"
      intro="You were invited to work together in WorkTrackr."
      footer={
        <p>
          Not you?{" "}
          <Link to="/login" className={linkClass}>
            Sign in with another account
          </Link>
        </p>
      }
    >
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Do you have a WorkTrackr account?</legend>
          <div className="mt-2 flex flex-col gap-2">
            <label className="flex items-center gap-2 text-slate-800">
              <input
                type="radio"
                name="joiner"
                checked={joiner === "new"}
                onChange={() => setJoiner("new")}
                className="h-4 w-4 accent-brand-700"
              />
              I'm new to WorkTrackr
            </label>
            <label className="flex items-center gap-2 text-slate-800">
              <input
                type="radio"
                name="joiner"
                checked={joiner === "existing"}
                onChange={() => setJoiner("existing")}
                className="h-4 w-4 accent-brand-700"
              />
              I already have an account
            </label>
          </div>
        </fieldset>
        {joiner === "new" ? (
          <TextField
            label={labels.name}
            name="name"
            autoComplete="name"
            required
            value={name}
            onValueChange={setName}
            error={accept.errors.fields.name}
          />
        ) : null}
        <TextField
          label={labels.password}
          type="password"
          name="password"
          autoComplete={joiner === "new" ? "new-password" : "current-password"}
          required
          value={password}
          onValueChange={setPassword}
          error={accept.errors.fields.password}
          hint={joiner === "new" ? "Choose one: at least 8 characters." : "The password of your existing account."}
        />
        <FormMessage error={accept.errors.form ?? accept.errors.fields.token} />
        <button type="submit" disabled={accept.isPending} className={`${primaryButtonClass} w-full`}>
          {accept.isPending ? "Joining…" : "Accept invitation"}
        </button>
      </form>
    </AuthCard>
  );
}
