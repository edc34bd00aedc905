import { authApi } from "@worktrackr/shared-schema";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { apiFetch } from "../../api/api-fetch.js";
import { useSchemaForm } from "../../api/use-schema-form.js";
import { FormMessage } from "../../components/form/form-message.js";
import { linkClass, primaryButtonClass } from "../../components/form/form-styles.js";
import { TextField } from "../../components/form/text-field.js";
import { AuthCard } from "./auth-card.js";
import { SecondFactorForm } from "./second-factor-form.js";
import { useFinishSignIn } from "./use-finish-sign-in.js";

const labels = { email: "Email", password: "Password" } as const;

/** Sign in with email and password, then a second factor when the account has one. */
export function LoginScreen() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [secondFactor, setSecondFactor] = useState<authApi.MfaRequired | null>(null);
  const finishSignIn = useFinishSignIn();
  const login = useSchemaForm({
    schema: authApi.ZLoginRequest,
    labels,
    send: async (body: authApi.LoginRequest) => {
      const result = await apiFetch<authApi.LoginResponse>("/api/auth/login", { method: "POST", body });
      // The emailed code is sent here, once per password entry, not from an effect that may run twice.
      if ("mfaRequired" in result && result.methods.includes("email")) {
        await apiFetch("/api/auth/mfa/challenge", { method: "POST" });
      }
      return result;
    },
    onSuccess: async (result) => {
      if ("mfaRequired" in result) setSecondFactor(result);
      else await finishSignIn(result);
    },
  });

  if (secondFactor) {
    return (
      <SecondFactorForm
        methods={secondFactor.methods}
        onStartAgain={() => {
          setSecondFactor(null);
          setPassword("");
          login.reset();
        }}
      />
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    login.submit({ email, password });
  };

  return (
    <AuthCard
      title="Sign in"
      footer={
        <>
          <p>
            <Link to="/forgot-password" className={linkClass}>
              Forgot your password?
            </Link>
          </p>
          <p>
            New to WorkTrackr?{" "}
            <Link to="/signup" className={linkClass}>
              Create an organisation
            </Link>
          </p>
        </>
      }
    >
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onValueChange={setEmail}
          error={login.errors.fields.email}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onValueChange={setPassword}
          error={login.errors.fields.password}
        />
        <FormMessage error={login.errors.form} />
        <button type="submit" disabled={login.isPending} className={`${primaryButtonClass} w-full`}>
          {login.isPending ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </AuthCard>
  );
}
