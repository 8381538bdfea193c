"use client";

import { type ReactNode, useEffect, useRef } from "react";
import styles from "~/courses/courses.module.css";

interface Props {
  /** The question, naming what is at stake. */
  legend: ReactNode;
  /** What else the person should know before confirming. */
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  pending: boolean;
  /** The refusal's sentence, if the change was refused. */
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The second step of an action that cannot be undone, in place of its button: the question,
 * the danger button and Cancel. Focus moves to Cancel, so a stray Enter changes nothing.
 */
export function ConfirmStep(props: Props) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <fieldset className={styles.fieldset} data-testid="confirm-step">
      <legend>{props.legend}</legend>
      {props.children}
      <div className={styles.actions}>
        <button
          type="button"
          className="button-danger"
          disabled={props.pending}
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </button>
        <button type="button" className="button-quiet" ref={cancel} onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
      </div>
      {props.error ? (
        <p className="form-error" role="alert">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}
