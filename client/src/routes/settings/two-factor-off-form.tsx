import { useQueryClient } from "@tanstack/react-query";
import { authApi, userApi } from "@worktrackr/shared-schema";
import { type FormEvent, useState } from "react";
import { apiFetch } from "../../api/api-fetch.js";
import { useSchemaForm } from "../../api/use-schema-form.js";
import { FormMessage } from "../../components/form/form-message.js";
import { dangerButtonClass, secondaryButtonClass } from "../../components/form/form-styles.js";
import { CurrentPasswordField, TextField } from "../../components/form/text-field.js";

const labels = { code: "Code from the app", currentPassword: "Current password" } as const;

/**
 * Turning two-factor sign-in off asks for the password, and for the app's code (or a backup code)
 * when it is an authenticator app, so a stolen session alone cannot do it.
 */
export function TwoFactorOffForm({ usesApp, onDone }: { usesApp: boolean; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [code, setCode] = useState("");
  const [currentPassword, setCurrentPassword] = useState("");
  const turnOff = useSchemaForm({
    schema: usesApp ? authApi.ZTotpDisableRequest : userApi.ZEmailMfaSettings,
    labels,
    send: (body: object) =>
      usesApp
        ? apiFetch("/api/auth/totp/disable", { method: "POST", body })
        : apiFetch("/api/user/mfa", { method: "PUT", body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["session"] });
      onDone();
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    turnOff.submit(usesApp ? { code, currentPassword } : { enabled: false, currentPassword });
  };

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Turn off two-factor sign-in">
      {usesApp ? (
        <TextField
          label={labels.code}
          name="code"
          autoComplete="one-time-code"
          required
          value={code}
          onValueChange={setCode}
          error={turnOff.errors.fields.code}
          hint="Or one of your backup codes."
        />
      ) : null}
      <CurrentPasswordField
        value={currentPassword}
        onValueChange={setCurrentPassword}
        error={turnOff.errors.fields.currentPassword}
      />
      <FormMessage error={turnOff.errors.form} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={turnOff.isPending} className={dangerButtonClass}>
          Turn off two-factor sign-in
        </button>
        <button type="button" onClick={onDone} className={secondaryButtonClass}>
          Cancel
        </button>
      </div>
    </form>
  );
}
