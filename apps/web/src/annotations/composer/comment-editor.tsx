"use client";

import { codePointCount } from "@hashiya/annotation-schema";
import type { Editor, JSONContent } from "@tiptap/core";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { COMMENT_MAX_CHARS } from "../types";
import { type MentionScope, useMentionExtension } from "~/mentions/use-mention-extension";
import { LengthCounter } from "./length-counter";

/**
 * The comment schema's nodes and marks only (DESIGN.md, "Comment bodies"): paragraphs, bold,
 * italic, links, lists. Whatever else StarterKit brings is switched off, so the editor cannot
 * produce what the server would refuse. Links: http(s) and mailto only, as the schema checks.
 */
const extensions = [
  StarterKit.configure({
    heading: false,
    blockquote: false,
    codeBlock: false,
    code: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    dropcursor: false,
    gapcursor: false,
    trailingNode: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: "https",
      protocols: ["http", "https", "mailto"],
      isAllowedUri: (url) => /^(?:https?:\/\/|mailto:)/i.test(url),
    },
  }),
];

export interface CommentEditorProps {
  label: string;
  initial?: JSONContent | null;
  /** Called with the editor whenever it is ready or changes, for the form around it. */
  onEditor?: (editor: Editor | null) => void;
  autoFocus?: boolean;
  /** Ctrl/⌘+Enter inside the editor submits the form (a habit from chat and mail). */
  onSubmitShortcut?: () => void;
  testId?: string;
  /** Where the comment is written, for "@" suggestions of the people it may mention. */
  mentionScope?: () => MentionScope;
}

const noScope = (): MentionScope => ({});

/** The plain-text length of what is written, counted as the server counts it (code points). */
export function writtenLength(editor: Editor): number {
  return codePointCount(editor.getText({ blockSeparator: "\n" }));
}

/**
 * A small Tiptap editor for a comment or reply: `dir="auto"` so an Arabic comment reads
 * right-to-left and an English one left-to-right, whatever the interface language.
 */
export function CommentEditor({
  label,
  initial,
  onEditor,
  autoFocus,
  onSubmitShortcut,
  testId,
  mentionScope,
}: CommentEditorProps) {
  const mention = useMentionExtension(mentionScope ?? noScope);
  const editor = useEditor({
    extensions: mention && mentionScope ? [...extensions, mention] : extensions,
    content: initial ?? "",
    immediatelyRender: false,
    autofocus: autoFocus ? "end" : false,
    editorProps: {
      attributes: {
        dir: "auto",
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": label,
        class: "composer-input",
        ...(testId ? { "data-testid": testId } : {}),
      },
      handleKeyDown: (_view, event) => {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && onSubmitShortcut) {
          event.preventDefault();
          onSubmitShortcut();
          return true;
        }
        return false;
      },
    },
    onCreate: ({ editor }) => onEditor?.(editor),
    onDestroy: () => onEditor?.(null),
  });

  const state = useEditorState({
    editor,
    selector: ({ editor }) =>
      editor
        ? {
            bold: editor.isActive("bold"),
            italic: editor.isActive("italic"),
            link: editor.isActive("link"),
            bullet: editor.isActive("bulletList"),
            ordered: editor.isActive("orderedList"),
            length: writtenLength(editor),
          }
        : null,
  });

  return (
    <div className="composer-editor">
      <Toolbar editor={editor} state={state} />
      <div className="composer-frame">
        {editor ? <EditorContent editor={editor} /> : <div className="composer-input" />}
      </div>
      <LengthCounter length={state?.length ?? 0} max={COMMENT_MAX_CHARS} />
    </div>
  );
}

interface ToolbarState {
  bold: boolean;
  italic: boolean;
  link: boolean;
  bullet: boolean;
  ordered: boolean;
}

function Toolbar({ editor, state }: { editor: Editor | null; state: ToolbarState | null }) {
  const t = useTranslations("annotations");
  const [linking, setLinking] = useState(false);
  const urlId = useId();
  const chain = () => editor?.chain().focus();
  const button = (key: keyof ToolbarState, label: string, run: () => void, glyph: string) => (
    <button
      type="button"
      className="tool"
      data-tool={key}
      aria-pressed={state?.[key] ?? false}
      title={label}
      disabled={!editor}
      onClick={run}
    >
      {/* The glyph ("1.", "B") is an icon, hidden from the name; the words name the button
          (an aria-label the visible glyph is not part of fails WCAG 2.5.3, label in name). */}
      {glyph === label ? (
        label
      ) : (
        <>
          <span aria-hidden="true">{glyph}</span>
          <span className="visually-hidden">{label}</span>
        </>
      )}
    </button>
  );

  function applyLink(event: FormEvent<HTMLFormElement> | { preventDefault(): void }, url: string) {
    event.preventDefault();
    const href = url.trim();
    if (href === "") chain()?.extendMarkRange("link").unsetLink().run();
    else chain()?.extendMarkRange("link").setLink({ href }).run();
    setLinking(false);
  }

  return (
    <div className="composer-tools" role="toolbar" aria-label={t("formatting")}>
      {button("bold", t("bold"), () => chain()?.toggleBold().run(), "B")}
      {button("italic", t("italic"), () => chain()?.toggleItalic().run(), "I")}
      {button("bullet", t("bulletList"), () => chain()?.toggleBulletList().run(), "•")}
      {button("ordered", t("orderedList"), () => chain()?.toggleOrderedList().run(), "1.")}
      {button("link", t("link"), () => setLinking((open) => !open), t("link"))}
      {linking ? (
        // Not a <form>: the composer is already inside one, and forms do not nest.
        <span className="link-field">
          <label htmlFor={urlId} className="visually-hidden">
            {t("linkUrl")}
          </label>
          <input
            id={urlId}
            type="url"
            dir="ltr"
            placeholder="https://"
            defaultValue={editor?.getAttributes("link").href ?? ""}
            onKeyDown={(event) => {
              if (event.key === "Enter") applyLink(event, event.currentTarget.value);
              if (event.key === "Escape") setLinking(false);
            }}
            // biome-ignore lint/a11y/noAutofocus: the field opens on the user's request
            autoFocus
          />
          <button
            type="button"
            className="button-quiet"
            onClick={(event) => {
              const input = event.currentTarget.parentElement?.querySelector("input");
              applyLink(event, input?.value ?? "");
            }}
          >
            {t("applyLink")}
          </button>
        </span>
      ) : null}
    </div>
  );
}
