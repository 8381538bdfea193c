import type {
  CommentBlockNode,
  CommentBody,
  CommentInlineNode,
  CommentParagraphNode,
} from "./body-schema";

// Plain text derived from a body, for search, CSV, export and the length limit. Blocks (paragraphs
// and list items) are separated by "\n", hard breaks are "\n", mentions read "@label".

/**
 * The plain text of a body: paragraphs and list items separated by "\n", a hard break as "\n",
 * a mention as "@label", marks dropped. Nothing is trimmed, so the result maps 1:1 to the body.
 */
export function bodyToPlainText(body: CommentBody): string {
  return blocksToLines(body.content).join("\n");
}

function blocksToLines(blocks: readonly CommentBlockNode[]): string[] {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.type === "paragraph") lines.push(inlineText(block.content ?? []));
    else for (const item of block.content) lines.push(...blocksToLines(item.content));
  }
  return lines;
}

function inlineText(nodes: readonly CommentInlineNode[]): string {
  let text = "";
  for (const node of nodes) {
    if (node.type === "text") text += node.text;
    else if (node.type === "hardBreak") text += "\n";
    else text += `@${node.attrs.label}`;
  }
  return text;
}

/**
 * A body holding `text` as plain paragraphs, one per line ("\r\n" and "\r" count as "\n"); blank
 * lines become empty paragraphs. For seeds, imports of plain-text bodies and tests; the result is
 * not validated (parse it with `commentBodyInputSchema` when it comes from outside).
 */
export function plainTextToBody(text: string): CommentBody {
  const content = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map(
      (line): CommentParagraphNode =>
        line === ""
          ? { type: "paragraph" }
          : { type: "paragraph", content: [{ type: "text", text: line }] },
    );
  return { type: "doc", content };
}

/** The user ids mentioned in a body, each once, in reading order. */
export function mentionedUserIds(body: CommentBody): string[] {
  const ids = new Set<string>();
  const visit = (blocks: readonly CommentBlockNode[]): void => {
    for (const block of blocks) {
      if (block.type === "paragraph") {
        for (const node of block.content ?? []) if (node.type === "mention") ids.add(node.attrs.id);
      } else for (const item of block.content) visit(item.content);
    }
  };
  visit(body.content);
  return [...ids];
}

/** Length of a string in Unicode code points (the unit of every limit and position). */
export function codePointCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

// Whitespace and invisible format characters (ZWSP, ZWJ, bidi marks): a comment made only of
// these shows nothing, so it counts as empty.
const INVISIBLE = /[\s\p{Cf}]/gu;

/** Whether text shows nothing: only whitespace and invisible format characters. */
export function isBlank(text: string): boolean {
  return text.replace(INVISIBLE, "") === "";
}
