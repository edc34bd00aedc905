import { useQueryClient } from "@tanstack/react-query";
import { type authApi, userApi } from "@worktrackr/shared-schema";
import { type FormEvent, useState } from "react";
import { apiFetch } from "../../api/api-fetch.js";
import { useSchemaForm } from "../../api/use-schema-form.js";
import { FormMessage } from "../../components/form/form-message.js";
import { primaryButtonClass } from "../../components/form/form-styles.js";
import { TextField } from "../../components/form/text-field.js";

const labels = { name: "Name" } as const;

/** The name colleagues see on tickets and comments; the email is shown, not changed here. */
export function ProfileForm({ user }: { user: authApi.SessionInfo["user"] }) {
  const [name, setName] = useState(user.name);
  const queryClient = useQueryClient();
  const save = useSchemaForm({
    schema: userApi.ZUpdateProfile,
    labels,
    send: (body: { name?: string | undefined }) => apiFetch<userApi.Profile>("/api/user", { method: "PUT", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["session"] }),
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.submit({ name });
  };

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <TextField
        label={labels.name}
        name="name"
        autoComplete="name"
        required
        value={name}
        onValueChange={setName}
        error={save.errors.fields.name}
      />
      <div>
        <p className="text-sm font-medium text-slate-700">Email</p>
        <p className="mt-1 text-slate-900">{user.email}</p>
      </div>
      <FormMessage error={save.errors.form} success={save.isSuccess ? "Your name was saved." : null} />
      <button type="submit" disabled={save.isPending} className={primaryButtonClass}>
        Save name
      </button>
    </form>
  );
}
