"use client";

import Collaboration from "@tiptap/extension-collaboration";
import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useLocale, useTranslations } from "next-intl";
import { useEffect } from "react";
import { ACCESS_REVOKED_REASON } from "~/collab/schemas";
import { type CollabDocument, useCollabDocument } from "~/collab/use-collab-document";
import { useCollabSession } from "~/collab/use-collab-session";
import { errorSentence } from "~/i18n/errors";
import type { Locale } from "~/i18n/locale";
import { RemoteCarets } from "./remote-carets";
import styles from "./shared-notes.module.css";

export interface SharedNotesProps {
  textId: string;
  /** Whether the page thinks this user may write (the server has the last word). */
  canWrite: boolean;
}

/**
 * The course's shared notes on a text: one Yjs document (`notes:<textId>`) co-edited in a
 * Tiptap editor, with the other writers' carets. Signed-in readers only; nothing for others.
 */
export function SharedNotes({ textId, canWrite }: SharedNotesProps) {
  const t = useTranslations("notes");
  const locale = useLocale() as Locale;
  const sessionState = useCollabSession(textId);
  const session = sessionState.status === "ready" ? sessionState.session : null;
  const document = useCollabDocument(session, `notes:${textId}`);

  if (sessionState.status === "anonymous") return null;
  return (
    <section
      className={styles.panel}
      aria-labelledby="shared-notes-title"
      data-testid="shared-notes"
    >
      <header className={styles.head}>
        <h2 id="shared-notes-title" className={styles.title}>
          {t("title")}
        </h2>
        {document ? <SaveStatus document={document} canWrite={canWrite} /> : null}
      </header>
      {document?.status.refusal === ACCESS_REVOKED_REASON ? (
        <p className={styles.notice}>{errorSentence("course.access_revoked", locale)}</p>
      ) : sessionState.status === "unavailable" || document?.status.refusal ? (
        <p className={styles.notice}>{t("unavailable")}</p>
      ) : document ? (
        <NotesEditor document={document} canWrite={canWrite} />
      ) : (
        <p className={styles.notice}>{t("connecting")}</p>
      )}
    </section>
  );
}

/**
 * "Saved" only when the server has acknowledged every local change (the provider's unsynced
 * count is 0 after the first sync); the collab server acknowledges an update only once it is
 * durable in PostgreSQL, so this is the promise the issue asks for, not an optimistic guess.
 */
function SaveStatus({ document, canWrite }: { document: CollabDocument; canWrite: boolean }) {
  const t = useTranslations("notes");
  const { authenticated, readOnly, synced, unsyncedChanges } = document.status;
  const state = !authenticated
    ? "offline"
    : readOnly || !canWrite
      ? "read-only"
      : synced && unsyncedChanges === 0
        ? "saved"
        : "saving";
  const label = {
    offline: t("offline"),
    "read-only": t("readOnly"),
    saved: t("saved"),
    saving: t("saving"),
  }[state];
  return (
    <p className={styles.status} data-state={state} data-testid="notes-status" aria-live="polite">
      {label}
    </p>
  );
}

// Our own caret carries the `user` that useCollabDocument put in the awareness state (the
// identity the server issued), so other writers see our name on it.
function NotesEditor({ document, canWrite }: { document: CollabDocument; canWrite: boolean }) {
  const t = useTranslations("notes");
  const { provider, doc, status } = document;
  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({
          // Yjs keeps the history (each writer undoes only their own changes).
          undoRedo: false,
          // Arabic and English paragraphs each take their own direction.
          paragraph: { HTMLAttributes: { dir: "auto" } },
          heading: { levels: [3, 4], HTMLAttributes: { dir: "auto" } },
          link: { openOnClick: false, autolink: true },
        }),
        Collaboration.configure({ document: doc }),
        RemoteCarets.configure({
          awareness: provider.awareness,
          classes: { overlay: styles.overlay!, caret: styles.caret!, label: styles.label! },
        }),
      ],
      // Editable only once the server has said we may write and we hold its state.
      editable: false,
      immediatelyRender: false,
      editorProps: {
        // Named as a multi-line text box: on a div without a role a name is not allowed, and
        // Tiptap's default role does not reach this editor's element.
        attributes: {
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": t("editorLabel"),
          "data-testid": "notes-editor",
        },
      },
    },
    [provider, doc],
  );

  const writable = canWrite && status.authenticated && !status.readOnly && status.synced;
  useEffect(() => {
    if (editor && editor.isEditable !== writable) editor.setEditable(writable);
  }, [editor, writable]);

  return (
    <div className={styles.editor} data-editable={writable}>
      <EditorContent editor={editor} />
    </div>
  );
}
