import { useMutation } from "@tanstack/react-query";
import { authApi } from "@worktrackr/shared-schema";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { apiFetch } from "../../api/api-fetch.js";
import { formErrorsFromApi } from "../../api/form-errors.js";
import { useSchemaForm } from "../../api/use-schema-form.js";
import { FormMessage } from "../../components/form/form-message.js";
import { primaryButtonClass, secondaryButtonClass } from "../../components/form/form-styles.js";
import { TextField } from "../../components/form/text-field.js";
import { AuthCard } from "./auth-card.js";
import { useFinishSignIn } from "./use-finish-sign-in.js";

const labels = { code: "Code" } as const;

/**
 * The second step of signing in: the code emailed a moment ago (with a way to send another), or
 * the authenticator app's code or a backup code, whichever the account uses.
 */
export function SecondFactorForm({
  methods,
  onStartAgain,
}: {
  methods: authApi.MfaRequired["methods"];
  onStartAgain: () => void;
}) {
  const usesEmail = !methods.includes("totp");
  const [code, setCode] = useState("");
  const codeInput = useRef<HTMLInputElement>(null);
  // The password form just gave way to this one: the code field is where the person types next.
  useEffect(() => codeInput.current?.focus(), []);
  const finishSignIn = useFinishSignIn();
  const verify = useSchemaForm({
    schema: authApi.ZCodeRequest,
    labels,
    send: (body: authApi.CodeRequest) =>
      apiFetch<authApi.SessionInfo>(usesEmail ? "/api/auth/mfa/verify" : "/api/auth/totp/verify", {
        method: "POST",
        body,
      }),
    onSuccess: finishSignIn,
  });
  const resend = useMutation({
    mutationFn: () => apiFetch("/api/auth/mfa/challenge", { method: "POST" }),
  });
  const resendError = resend.isError ? formErrorsFromApi(resend.error, labels).form : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    verify.submit({ code });
  };

  return (
    <AuthCard
      title="Two-factor sign-in"
      intro={
        usesEmail
          ? "We emailed you a 6-digit code. It works for 10 minutes."
          : "Enter the 6-digit code from your authenticator app, or one of your backup codes."
      }
    >
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <TextField
          ref={codeInput}
          label="Code"
          name="code"
          autoComplete="one-time-code"
          inputMode={usesEmail ? "numeric" : "text"}
          autoCapitalize="off"
          spellCheck={false}
          required
          value={code}
          onValueChange={setCode}
          error={verify.errors.fields.code}
          hint={usesEmail ? undefined : "A backup code is 10 letters and digits, such as abcde-12345."}
        />
        <FormMessage
          error={verify.errors.form ?? resendError}
          success={resend.isSuccess ? "A new code is on its way; the earlier one no longer works." : null}
        />
        <button type="submit" disabled={verify.isPending} className={`${primaryButtonClass} w-full`}>
          {verify.isPending ? "Checking…" : "Verify"}
        </button>
        <div className="flex flex-wrap gap-3">
          {usesEmail ? (
            <button
              type="button"
              disabled={resend.isPending}
              onClick={() => {
                verify.reset();
                resend.mutate();
              }}
              className={secondaryButtonClass}
            >
              Send a new code
            </button>
          ) : null}
          <button type="button" onClick={onStartAgain} className={secondaryButtonClass}>
            Start again
          </button>
        </div>
      </form>
    </AuthCard>
  );
}
