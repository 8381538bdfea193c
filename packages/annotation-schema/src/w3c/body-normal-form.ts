import type { CommentBlockNode, CommentBody, CommentInlineNode, CommentMark } from "../body-schema";

// What survives a trip through HTML, stated once so tests (ours, the API's export → import)
// compare bodies by what a reader sees: HTML has no marks on a line break, one order of nested
// marks, and no seam between two runs of text with the same marks (ProseMirror merges them too).

const ORDER: Record<CommentMark["type"], number> = { bold: 0, italic: 1, link: 2 };

/**
 * `body` as `bodyFromHtml(bodyToHtml(body))` returns it: adjacent text nodes with the same marks
 * merged, marks in the order bold, italic, link, line breaks without marks.
 */
export function htmlNormalForm(body: CommentBody): CommentBody {
  return { type: "doc", content: body.content.map(block) };
}

function block(node: CommentBlockNode): CommentBlockNode {
  if (node.type !== "paragraph")
    return {
      ...node,
      content: node.content.map((item) => ({ type: "listItem", content: item.content.map(block) })),
    };
  if (!node.content) return node;
  const inline: CommentInlineNode[] = [];
  for (const child of node.content) {
    if (child.type === "hardBreak") {
      inline.push({ type: "hardBreak" });
      continue;
    }
    const marks = child.marks ? [...child.marks].sort((a, b) => ORDER[a.type] - ORDER[b.type]) : [];
    const last = inline.at(-1);
    if (
      child.type === "text" &&
      last?.type === "text" &&
      JSON.stringify(last.marks ?? []) === JSON.stringify(marks)
    ) {
      inline[inline.length - 1] = { ...last, text: last.text + child.text };
      continue;
    }
    inline.push(marks.length > 0 ? { ...child, marks } : withoutMarks(child));
  }
  return { type: "paragraph", content: inline };
}

function withoutMarks(node: CommentInlineNode): CommentInlineNode {
  const { marks: _marks, ...rest } = node as CommentInlineNode & { marks?: unknown };
  return rest as CommentInlineNode;
}
