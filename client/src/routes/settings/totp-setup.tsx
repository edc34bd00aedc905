import { useQueryClient } from "@tanstack/react-query";
import { authApi } from "@worktrackr/shared-schema";
import { type FormEvent, useState } from "react";
import { apiFetch } from "../../api/api-fetch.js";
import { singleFieldSchema, useSchemaForm } from "../../api/use-schema-form.js";
import { FormMessage } from "../../components/form/form-message.js";
import { primaryButtonClass, secondaryButtonClass } from "../../components/form/form-styles.js";
import { CurrentPasswordField, TextField } from "../../components/form/text-field.js";

const passwordSchema = singleFieldSchema("currentPassword", authApi.ZPassword);
const passwordLabels = { currentPassword: "Current password" } as const;
const codeLabels = { code: "Code from the app" } as const;

/** The secret in groups of four, as authenticator apps ask for it when typed by hand. */
const groupedSecret = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

/**
 * Setting up an authenticator app: the password again, then the key (a QR code and the same key as
 * text), a first code that proves the app has it, and the backup codes, shown this once.
 */
export function TotpSetup({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const [currentPassword, setCurrentPassword] = useState("");
  const [code, setCode] = useState("");
  const [isOn, setOn] = useState(false);
  const setup = useSchemaForm({
    schema: passwordSchema,
    labels: passwordLabels,
    send: (body: { currentPassword: string }) =>
      apiFetch<authApi.TotpSetupResponse>("/api/auth/totp/setup", { method: "POST", body }),
  });
  const verify = useSchemaForm({
    schema: authApi.ZCodeRequest,
    labels: { code: codeLabels.code },
    send: (body: authApi.CodeRequest) => apiFetch("/api/auth/totp/verify", { method: "POST", body }),
    onSuccess: async () => {
      setOn(true);
      await queryClient.invalidateQueries({ queryKey: ["session"] });
    },
  });
  const enrolment = setup.data;

  if (!enrolment) {
    const onSubmit = (event: FormEvent) => {
      event.preventDefault();
      setup.submit({ currentPassword });
    };
    return (
      <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Set up an authenticator app">
        <p className="text-slate-700">Enter your password to set up an authenticator app.</p>
        <CurrentPasswordField
          value={currentPassword}
          onValueChange={setCurrentPassword}
          error={setup.errors.fields.currentPassword}
        />
        <FormMessage error={setup.errors.form} />
        <div className="flex flex-wrap gap-3">
          <button type="submit" disabled={setup.isPending} className={primaryButtonClass}>
            Continue
          </button>
          <button type="button" onClick={onDone} className={secondaryButtonClass}>
            Cancel
          </button>
        </div>
      </form>
    );
  }

  if (isOn) {
    return (
      <div className="space-y-4">
        <FormMessage success="Two-factor sign-in is on. You will be asked for a code from the app when you sign in." />
        <div className="rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h3 className="font-semibold text-amber-950">Your backup codes</h3>
          <p className="mt-1 text-sm text-amber-950">
            Keep them somewhere safe: each one signs you in once if you lose your phone. They are not shown again.
          </p>
          <ul aria-label="Backup codes" className="mt-3 grid grid-cols-2 gap-2 font-mono text-base sm:grid-cols-5">
            {enrolment.backupCodes.map((backupCode) => (
              <li key={backupCode} className="rounded bg-white px-2 py-1 text-center">
                {backupCode}
              </li>
            ))}
          </ul>
        </div>
        <button type="button" onClick={onDone} className={primaryButtonClass}>
          I have saved my backup codes
        </button>
      </div>
    );
  }

  const onVerify = (event: FormEvent) => {
    event.preventDefault();
    verify.submit({ code });
  };
  return (
    <form onSubmit={onVerify} className="space-y-4" noValidate aria-label="Confirm your authenticator app">
      <ol className="list-decimal space-y-2 pl-5 text-slate-700">
        <li>Open your authenticator app and add an account: scan the code, or type the key by hand.</li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      <div className="flex flex-col items-start gap-4 sm:flex-row sm:items-center">
        <img
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`}
          alt="QR code of the key for your authenticator app"
          width={176}
          height={176}
          className="rounded-lg border border-slate-200 bg-white"
        />
        <div className="min-w-0">
          <p className="text-sm font-medium text-slate-700">Key</p>
          <p data-testid="totp-secret" className="mt-1 break-words font-mono text-lg tracking-wide text-slate-900">
            {groupedSecret(enrolment.secret)}
          </p>
          <p className="mt-1 text-sm text-slate-500">Time-based, 6 digits, every 30 seconds.</p>
        </div>
      </div>
      <TextField
        label={codeLabels.code}
        name="code"
        autoComplete="one-time-code"
        inputMode="numeric"
        required
        value={code}
        onValueChange={setCode}
        error={verify.errors.fields.code}
      />
      <FormMessage error={verify.errors.form} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={verify.isPending} className={primaryButtonClass}>
          Turn on
        </button>
        <button type="button" onClick={onDone} className={secondaryButtonClass}>
          Cancel
        </button>
      </div>
    </form>
  );
}
