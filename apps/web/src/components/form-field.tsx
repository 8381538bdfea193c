import type { InputHTMLAttributes } from "react";

type FormFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  /** Also the input's `name`. */
  id: string;
  label: string;
  hint?: string;
  /** A sentence shown under the input and announced to screen readers. */
  error?: string | null;
};

/** A labelled input with its hint and error sentence wired up for assistive technology. */
export function FormField({ id, label, hint, error, ...input }: FormFieldProps) {
  const describedBy = [
    input["aria-describedby"],
    error ? `${id}-error` : null,
    hint ? `${id}-hint` : null,
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        name={id}
        aria-invalid={error ? true : undefined}
        {...input}
        id={id}
        aria-describedby={describedBy || undefined}
      />
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <p className="field-error" role="alert" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
