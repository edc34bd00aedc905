import { type InputHTMLAttributes, type Ref, useId } from "react";
import { inputClass } from "./form-styles.js";

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "className"> {
  readonly label: string;
  readonly value: string;
  readonly onValueChange: (value: string) => void;
  /** The refusal to show beside the field, naming it. */
  readonly error?: string | undefined;
  /** A sentence under the field saying what it expects. */
  readonly hint?: string | undefined;
  readonly ref?: Ref<HTMLInputElement>;
}

/** A labelled input whose error is tied to it (aria-invalid, aria-describedby) and announced. */
export function TextField({ label, value, onValueChange, error, hint, ...input }: TextFieldProps) {
  const hintId = useId();
  const errorId = useId();
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div>
      <label className="block text-sm font-medium text-slate-700">
        {label}
        <input
          {...input}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          className={inputClass}
        />
      </label>
      {hint ? (
        <p id={hintId} className="mt-1 text-sm text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The account's current password, asked before a change to how it signs in. */
export function CurrentPasswordField(props: {
  readonly value: string;
  readonly onValueChange: (value: string) => void;
  readonly error?: string | undefined;
}) {
  return (
    <TextField
      label="Current password"
      type="password"
      name="currentPassword"
      autoComplete="current-password"
      required
      {...props}
    />
  );
}
