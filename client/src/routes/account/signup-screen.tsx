import { authApi } from "@worktrackr/shared-schema";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { apiFetch } from "../../api/api-fetch.js";
import { useSchemaForm } from "../../api/use-schema-form.js";
import { FormMessage } from "../../components/form/form-message.js";
import { linkClass, primaryButtonClass } from "../../components/form/form-styles.js";
import { TextField } from "../../components/form/text-field.js";
import { AuthCard } from "./auth-card.js";
import { useFinishSignIn } from "./use-finish-sign-in.js";

const labels = {
  organisationName: "Organisation name",
  name: "Your name",
  email: "Email",
  password: "Password",
} as const;

/**
 * A new organisation with its first admin, on a free trial (POST /api/auth/register); the new admin
 * is signed in and lands in the app.
 */
export function SignupScreen() {
  const [organisationName, setOrganisationName] = useState("");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const finishSignIn = useFinishSignIn();
  const register = useSchemaForm({
    schema: authApi.ZRegisterRequest,
    labels,
    send: (body: authApi.RegisterRequest) =>
      apiFetch<authApi.SessionInfo>("/api/auth/register", { method: "POST", body }),
    onSuccess: finishSignIn,
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    register.submit({ organisationName, name, email, password });
  };

  return (
    <AuthCard
      title="Create your organisation"
      intro="Start a free trial: you become its admin and can invite your team."
      footer={
        <p>
          Already have an account?{" "}
          <Link to="/login" className={linkClass}>
            Sign in
          </Link>
        </p>
      }
    >
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <TextField
          label={labels.organisationName}
          name="organisationName"
          autoComplete="organization"
          required
          value={organisationName}
          onValueChange={setOrganisationName}
          error={register.errors.fields.organisationName}
        />
        <TextField
          label={labels.name}
          name="name"
          autoComplete="name"
          required
          value={name}
          onValueChange={setName}
          error={register.errors.fields.name}
        />
        <TextField
          label={labels.email}
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          onValueChange={setEmail}
          error={register.errors.fields.email}
        />
        <TextField
          label={labels.password}
          type="password"
          name="password"
          autoComplete="new-password"
          required
          value={password}
          onValueChange={setPassword}
          error={register.errors.fields.password}
          hint="At least 8 characters. Long and unusual beats clever."
        />
        <FormMessage error={register.errors.form} />
        <button type="submit" disabled={register.isPending} className={`${primaryButtonClass} w-full`}>
          {register.isPending ? "Creating…" : "Create organisation"}
        </button>
      </form>
    </AuthCard>
  );
}
