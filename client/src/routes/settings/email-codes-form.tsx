import { useQueryClient } from "@tanstack/react-query";
import { userApi } from "@worktrackr/shared-schema";
import { type FormEvent, useState } from "react";
import { apiFetch } from "../../api/api-fetch.js";
import { useSchemaForm } from "../../api/use-schema-form.js";
import { FormMessage } from "../../components/form/form-message.js";
import { primaryButtonClass, secondaryButtonClass } from "../../components/form/form-styles.js";
import { CurrentPasswordField } from "../../components/form/text-field.js";

const labels = { currentPassword: "Current password" } as const;

/** Turns on emailed sign-in codes, after the password again. */
export function EmailCodesForm({ email, onDone }: { email: string; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [currentPassword, setCurrentPassword] = useState("");
  const turnOn = useSchemaForm({
    schema: userApi.ZEmailMfaSettings,
    labels,
    send: (body: object) => apiFetch("/api/user/mfa", { method: "PUT", body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["session"] });
      onDone();
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    turnOn.submit({ enabled: true, currentPassword });
  };

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Use emailed codes">
      <p className="text-slate-700">
        Each time you sign in, we will email a 6-digit code to <strong>{email}</strong>.
      </p>
      <CurrentPasswordField
        value={currentPassword}
        onValueChange={setCurrentPassword}
        error={turnOn.errors.fields.currentPassword}
      />
      <FormMessage error={turnOn.errors.form} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={turnOn.isPending} className={primaryButtonClass}>
          Turn on emailed codes
        </button>
        <button type="button" onClick={onDone} className={secondaryButtonClass}>
          Cancel
        </button>
      </div>
    </form>
  );
}
