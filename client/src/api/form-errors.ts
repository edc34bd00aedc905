import { ApiRequestError } from "./api-fetch.js";

/** What a form shows after a refusal: a message beside each field at fault, and one for the form. */
export interface FormErrors<F extends string> {
  readonly fields: Partial<Record<F, string>>;
  readonly form: string | null;
}

/** Each field's name on the wire mapped to the label the form shows for it. */
export type FieldLabels<F extends string> = Readonly<Record<F, string>>;

export const noFormErrors: FormErrors<never> = { fields: {}, form: null };

export const unreachableMessage = "Could not reach WorkTrackr. Check your connection and try again.";

const withFullStop = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

function isLabelled<F extends string>(field: string, labels: FieldLabels<F>): field is F {
  return Object.hasOwn(labels, field);
}

/**
 * A field's message as a sentence that names it: the server and the shared schemas say
 * "password: must be at least 8 characters" or just "must be …", which reads as "Password must be
 * at least 8 characters." A message that is already a sentence ("An account with this email
 * already exists.") is kept as it is.
 */
export function fieldSentence(field: string, label: string, message: string): string {
  const fragment = message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
  if (/^[a-z]/.test(fragment)) return withFullStop(`${label} ${fragment}`);
  return withFullStop(fragment);
}

/** What a failed zod parse reports for each problem (the shape of zod's issues). */
export interface SchemaIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * The first problem of a failed shared-schema parse, as one sentence naming its field ("Title must
 * be at least 1 character."), for writes checked on the device before they are queued.
 */
export function firstIssue(
  issues: readonly SchemaIssue[],
  labels: Readonly<Record<string, string>>,
  fallbackLabel: string,
): { field: string; message: string } {
  const issue = issues[0];
  const field = String(issue?.path[0] ?? "");
  return { field, message: fieldSentence(field, labels[field] ?? fallbackLabel, issue?.message ?? "is not valid") };
}

/** Issues of a failed shared-schema parse, placed on the form's fields. */
export function formErrorsFromIssues<F extends string>(
  issues: readonly SchemaIssue[],
  labels: FieldLabels<F>,
): FormErrors<F> {
  const fields: Partial<Record<F, string>> = {};
  let form: string | null = null;
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "");
    if (isLabelled(field, labels)) fields[field] ??= fieldSentence(field, labels[field], issue.message);
    else form ??= withFullStop(issue.message);
  }
  return { fields, form };
}

/**
 * An API refusal placed on the form: a named field the form shows gets the message beside it,
 * anything else (rate limits, lockouts, expired links, no network) is said for the whole form.
 */
export function formErrorsFromApi<F extends string>(error: unknown, labels: FieldLabels<F>): FormErrors<F> {
  if (!(error instanceof ApiRequestError)) return { fields: {}, form: unreachableMessage };
  const { field, fields: fieldMessages, message } = error.body;
  const fields: Partial<Record<F, string>> = {};
  for (const [name, text] of Object.entries(fieldMessages ?? {})) {
    const key = name.split(".")[0] ?? name;
    if (isLabelled(key, labels)) fields[key] ??= fieldSentence(key, labels[key], text);
  }
  if (field && isLabelled(field, labels)) fields[field] ??= fieldSentence(field, labels[field], message);
  const isPlaced = Object.keys(fields).length > 0;
  return { fields, form: isPlaced ? null : withFullStop(message) };
}
