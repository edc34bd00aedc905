import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import {
  type FieldLabels,
  type FormErrors,
  formErrorsFromApi,
  formErrorsFromIssues,
  noFormErrors,
  type SchemaIssue,
} from "./form-errors.js";

/** The part of a zod schema a form needs: the shared-schema request validators fit it. */
export interface RequestSchema<T> {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: { readonly issues: readonly SchemaIssue[] } };
}

interface SchemaFormOptions<T, R, F extends string> {
  /** The request's shared schema: checked here first, so the server's own rules answer at once. */
  readonly schema: RequestSchema<T>;
  readonly labels: FieldLabels<F>;
  readonly send: (body: T) => Promise<R>;
  readonly onSuccess?: (result: R) => unknown;
}

/**
 * A form that sends one API request: its values checked against the request's shared schema,
 * then sent, and whatever is refused (here or by the server) placed beside the field at fault.
 */
export function useSchemaForm<T, R, F extends string>({ schema, labels, send, onSuccess }: SchemaFormOptions<T, R, F>) {
  const [errors, setErrors] = useState<FormErrors<F>>(noFormErrors);
  const mutation = useMutation({
    mutationFn: send,
    onMutate: () => setErrors(noFormErrors),
    onError: (error) => setErrors(formErrorsFromApi(error, labels)),
    onSuccess: async (result) => {
      await onSuccess?.(result);
    },
  });
  const submit = (values: unknown) => {
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      mutation.reset();
      setErrors(formErrorsFromIssues(parsed.error.issues, labels));
      return;
    }
    mutation.mutate(parsed.data);
  };
  return {
    errors,
    submit,
    isPending: mutation.isPending,
    isSuccess: mutation.isSuccess,
    data: mutation.data,
    /** The server's refusal as it came, for forms that act on its code. */
    error: mutation.error,
    reset: () => {
      mutation.reset();
      setErrors(noFormErrors);
    },
  };
}

/**
 * A request of one field checked by that field's shared schema ({ currentPassword } by
 * authApi.ZPassword), for the requests whose object schema lives only on the server.
 */
export function singleFieldSchema<F extends string, T>(
  field: F,
  schema: RequestSchema<T>,
): RequestSchema<Record<F, T>> {
  return {
    safeParse(value: unknown) {
      const input = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[field] : undefined;
      const parsed = schema.safeParse(input);
      if (parsed.success) return { success: true, data: { [field]: parsed.data } as Record<F, T> };
      return {
        success: false,
        error: { issues: parsed.error.issues.map((issue) => ({ ...issue, path: [field, ...issue.path] })) },
      };
    },
  };
}
