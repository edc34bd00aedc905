/** The form's own refusal (role=alert) or its confirmation (role=status); nothing when there is none. */
export function FormMessage({
  error,
  success,
}: {
  error?: string | null | undefined;
  success?: string | null | undefined;
}) {
  if (error) {
    return (
      <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
        {error}
      </p>
    );
  }
  if (success) {
    return (
      <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
        {success}
      </p>
    );
  }
  return null;
}
