import type { JSONContent } from "@tiptap/core";

export interface TextBlock {
  type: string;
  text: string;
}

/**
 * The Tiptap document for a text's blocks: one node per block, the text untouched (no
 * normalisation, no trimming), so DOM offsets map one-to-one onto the canonical string.
 */
export function blocksToDoc(blocks: readonly TextBlock[]): JSONContent {
  return {
    type: "doc",
    content: blocks.map((block) => {
      // ProseMirror has no empty text nodes: an empty block is a node without content.
      const content = block.text ? [{ type: "text", text: block.text }] : undefined;
      return block.type === "heading"
        ? { type: "heading", attrs: { level: 2 }, content }
        : { type: "paragraph", content };
    }),
  };
}
