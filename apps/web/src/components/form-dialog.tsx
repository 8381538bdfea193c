"use client";

import { type ReactNode, useRef } from "react";

interface Props {
  /** Names the test ids (`<name>-open`, `<name>-dialog`) and, with `id`, the title's id. */
  name: string;
  /** What the dialog is about (a text's or course's id): several may share a page. */
  id: string;
  openLabel: string;
  title: string;
  /** Shown between the title and the form. */
  intro?: ReactNode;
  submitLabel: string;
  closeLabel: string;
  /** While true the submit button is disabled (a run is under way). */
  busy: boolean;
  /** Called on submit; the page is never reloaded. */
  onSubmit: () => void;
  /** The form's fields and what it reports (progress, results). */
  children: ReactNode;
}

/**
 * A button opening a modal dialog that holds one form, with a submit and a close button: the
 * shell the import and export dialogs share (they differ only in the form's contents).
 */
export function FormDialog(props: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = `${props.name}-title-${props.id}`;
  return (
    <>
      <button
        type="button"
        className="button-quiet"
        onClick={() => dialog.current?.showModal()}
        data-testid={`${props.name}-open`}
      >
        {props.openLabel}
      </button>
      <dialog
        ref={dialog}
        className="form-dialog"
        aria-labelledby={titleId}
        data-testid={`${props.name}-dialog`}
      >
        <h2 id={titleId}>{props.title}</h2>
        {props.intro}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            props.onSubmit();
          }}
        >
          {props.children}
          <div className="form-dialog-actions">
            <button type="submit" className="button" disabled={props.busy}>
              {props.submitLabel}
            </button>
            <button type="button" className="button-quiet" onClick={() => dialog.current?.close()}>
              {props.closeLabel}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
