import type { CSSProperties } from "react";

/** One block of a text as the API sends it: a paragraph, or a heading. */
export interface TextBlock {
  type: string;
  text: string;
}

/**
 * The text's blocks as plain HTML, one element per block holding the block's text as one
 * text node, untouched (no normalisation, no trimming): DOM offsets map one-to-one onto the
 * canonical string (ranges.ts). Rendered on the server, so the text reads before any script
 * runs, and never re-rendered: highlights, selections and overlays only read this DOM. Each
 * block carries its length (`--chars`), from which globals.css estimates the height of a
 * block the browser has not laid out yet.
 */
export function ReaderText({ blocks }: { blocks: readonly TextBlock[] }) {
  return (
    <div className="reader-text">
      {/* Blocks have no ids and never move: their index is a stable key. */}
      {blocks.map((block, index) => {
        const style = { "--chars": block.text.length } as CSSProperties;
        return block.type === "heading" ? (
          <h2 key={index} style={style}>
            {block.text}
          </h2>
        ) : (
          <p key={index} style={style}>
            {block.text}
          </p>
        );
      })}
    </div>
  );
}
