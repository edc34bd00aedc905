import { useQueryClient } from "@tanstack/react-query";
import { userApi } from "@worktrackr/shared-schema";
import { type FormEvent, useState } from "react";
import { apiFetch } from "../../api/api-fetch.js";
import { useSchemaForm } from "../../api/use-schema-form.js";
import { FormMessage } from "../../components/form/form-message.js";
import { primaryButtonClass } from "../../components/form/form-styles.js";
import { CurrentPasswordField, TextField } from "../../components/form/text-field.js";

const labels = { currentPassword: "Current password", newPassword: "New password" } as const;

/** A new password; the server signs out every other session that knew the old one. */
export function ChangePasswordForm() {
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const queryClient = useQueryClient();
  const change = useSchemaForm({
    schema: userApi.ZChangePassword,
    labels,
    send: (body: { currentPassword: string; newPassword: string }) =>
      apiFetch("/api/user/password", { method: "PUT", body }),
    onSuccess: async () => {
      setCurrentPassword("");
      setNewPassword("");
      await queryClient.invalidateQueries({ queryKey: ["sessions"] });
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    change.submit({ currentPassword, newPassword });
  };

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <CurrentPasswordField
        value={currentPassword}
        onValueChange={setCurrentPassword}
        error={change.errors.fields.currentPassword}
      />
      <TextField
        label={labels.newPassword}
        type="password"
        name="newPassword"
        autoComplete="new-password"
        required
        value={newPassword}
        onValueChange={setNewPassword}
        error={change.errors.fields.newPassword}
        hint="At least 8 characters. Your other sessions will be signed out."
      />
      <FormMessage
        error={change.errors.form}
        success={change.isSuccess ? "Your password was changed, and your other sessions were signed out." : null}
      />
      <button type="submit" disabled={change.isPending} className={primaryButtonClass}>
        Change password
      </button>
    </form>
  );
}
