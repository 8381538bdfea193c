"use client";

import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { type HTMLAttributes, type RefObject, useEffect, useMemo, useRef } from "react";
import { blocksToDoc, type TextBlock } from "./blocks-to-doc";

export interface ReaderProps {
  blocks: TextBlock[];
  /** The text's own direction and language: independent of the interface language. */
  direction: "rtl" | "ltr";
  language: string;
  label: string;
  /**
   * Receives the element whose children are the text's blocks (the fallback's, then the
   * editor's), for ranges.ts; null when it goes away.
   */
  onRoot?: (root: HTMLElement | null) => void;
  /** Extra attributes for the article (keyboard reading: tabIndex, key handlers, help). */
  articleProps?: HTMLAttributes<HTMLElement>;
  /** The article itself (to give the text focus back, e.g. after closing the composer). */
  articleRef?: RefObject<HTMLElement | null>;
}

// Reading only: no history, no drop or gap cursors, no trailing empty paragraph.
const extensions = [
  StarterKit.configure({
    undoRedo: false,
    dropcursor: false,
    gapcursor: false,
    trailingNode: false,
    link: { openOnClick: true, autolink: false, linkOnPaste: false },
  }),
];

/**
 * The text in a read-only Tiptap editor. Until the editor mounts (it never renders on the
 * server), the same paragraphs are shown as plain HTML, so the text is readable at once —
 * and highlights can already be painted on them.
 */
export function Reader({
  blocks,
  direction,
  language,
  label,
  onRoot,
  articleProps,
  articleRef: outerRef,
}: ReaderProps) {
  const content = useMemo(() => blocksToDoc(blocks), [blocks]);
  const editor = useEditor({
    extensions,
    content,
    editable: false,
    immediatelyRender: false,
  });
  const innerRef = useRef<HTMLElement | null>(null);
  const articleRef = outerRef ?? innerRef;

  // EditorContent moves the editor's DOM in when it mounts, before this effect runs.
  useEffect(() => {
    if (!onRoot) return;
    const root = articleRef.current?.querySelector<HTMLElement>(
      editor ? ".ProseMirror" : ".reader-fallback",
    );
    onRoot(root ?? null);
  }, [editor, onRoot, articleRef]);
  useEffect(() => () => onRoot?.(null), [onRoot]);

  return (
    <article
      {...articleProps}
      ref={articleRef}
      className="reader"
      dir={direction}
      lang={language}
      aria-label={label}
      data-testid="reader"
    >
      {editor ? (
        <EditorContent editor={editor} />
      ) : (
        <div className="reader-fallback">
          {/* Blocks have no ids and never move here: their index is a stable key. */}
          {blocks.map((block, index) =>
            block.type === "heading" ? (
              <h2 key={index}>{block.text}</h2>
            ) : (
              <p key={index}>{block.text}</p>
            ),
          )}
        </div>
      )}
    </article>
  );
}
