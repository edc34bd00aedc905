import { authApi } from "@worktrackr/shared-schema";
import { type FormEvent, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { apiFetch } from "../../api/api-fetch.js";
import { useSchemaForm } from "../../api/use-schema-form.js";
import { FormMessage } from "../../components/form/form-message.js";
import { linkClass, primaryButtonClass } from "../../components/form/form-styles.js";
import { TextField } from "../../components/form/text-field.js";
import { AuthCard } from "./auth-card.js";

// The token is not a field on screen: a refusal of it is said for the whole form.
const labels = { password: "New password", token: "This link" } as const;

/** /reset-password?token=…, the link in the reset email: a new password, then sign in with it. */
export function ResetPasswordScreen() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get("token") ?? "";
  const [password, setPassword] = useState("");
  const reset = useSchemaForm({
    schema: authApi.ZResetPassword,
    labels,
    send: (body: { token: string; password: string }) =>
      apiFetch<{ message: string }>("/api/auth/reset-password", { method: "POST", body }),
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    reset.submit({ token, password });
  };

  return (
    <AuthCard
      title="Choose a new password"
      footer={
        <p>
          Link not working?{" "}
          <Link to="/forgot-password" className={linkClass}>
            Ask for a new one
          </Link>
        </p>
      }
    >
      {reset.data ? (
        <div className="space-y-4">
          <FormMessage success={reset.data.message} />
          <Link to="/login" className={`${primaryButtonClass} block text-center`}>
            Sign in
          </Link>
        </div>
      ) : token ? (
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          <TextField
            label={labels.password}
            type="password"
            name="password"
            autoComplete="new-password"
            required
            value={password}
            onValueChange={setPassword}
            error={reset.errors.fields.password}
            hint="At least 8 characters. Every device signed in to your account will be signed out."
          />
          <FormMessage error={reset.errors.form ?? reset.errors.fields.token} />
          <button type="submit" disabled={reset.isPending} className={`${primaryButtonClass} w-full`}>
            {reset.isPending ? "Saving…" : "Set new password"}
          </button>
        </form>
      ) : (
        <FormMessage error="This page needs the link from your reset email. Open the link again, or ask for a new one." />
      )}
    </AuthCard>
  );
}
