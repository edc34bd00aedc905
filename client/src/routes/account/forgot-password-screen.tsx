import { authApi } from "@worktrackr/shared-schema";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { apiFetch } from "../../api/api-fetch.js";
import { useSchemaForm } from "../../api/use-schema-form.js";
import { FormMessage } from "../../components/form/form-message.js";
import { linkClass, primaryButtonClass } from "../../components/form/form-styles.js";
import { TextField } from "../../components/form/text-field.js";
import { AuthCard } from "./auth-card.js";

const labels = { email: "Email" } as const;

/** Asks for a reset link by email; the answer is the same whether or not the account exists. */
export function ForgotPasswordScreen() {
  const [email, setEmail] = useState("");
  const request = useSchemaForm({
    schema: authApi.ZRequestPasswordReset,
    labels,
    send: (body: { email: string }) =>
      apiFetch<{ message: string }>("/api/auth/request-password-reset", { method: "POST", body }),
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    request.submit({ email });
  };

  return (
    <AuthCard
      title="Forgot your password?"
      intro="Enter the email you sign in with, and we will send you a link to choose a new password."
      footer={
        <p>
          <Link to="/login" className={linkClass}>
            Back to sign in
          </Link>
        </p>
      }
    >
      {request.data ? (
        <FormMessage success={request.data.message} />
      ) : (
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          <TextField
            label={labels.email}
            type="email"
            name="email"
            autoComplete="email"
            required
            value={email}
            onValueChange={setEmail}
            error={request.errors.fields.email}
          />
          <FormMessage error={request.errors.form} />
          <button type="submit" disabled={request.isPending} className={`${primaryButtonClass} w-full`}>
            {request.isPending ? "Sending…" : "Send reset link"}
          </button>
        </form>
      )}
    </AuthCard>
  );
}
