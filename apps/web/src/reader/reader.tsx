"use client";

import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useMemo } from "react";
import { blocksToDoc, type TextBlock } from "./blocks-to-doc";

export interface ReaderProps {
  blocks: TextBlock[];
  /** The text's own direction and language: independent of the interface language. */
  direction: "rtl" | "ltr";
  language: string;
  label: string;
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
 * server), the same paragraphs are shown as plain HTML, so the text is readable at once.
 */
export function Reader({ blocks, direction, language, label }: ReaderProps) {
  const content = useMemo(() => blocksToDoc(blocks), [blocks]);
  const editor = useEditor({
    extensions,
    content,
    editable: false,
    immediatelyRender: false,
  });

  return (
    <article
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
