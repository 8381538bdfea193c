import type { CommentBlockNode, CommentBody, CommentInlineNode, CommentMark } from "./body-schema";
import { isSafeHref } from "./body-schema";

// HTML for a comment, rendered on the server from the validated JSON (never stored from the
// client). Safe by construction: every tag below is a literal from a fixed set, and every piece
// of user data - text, href, mention id and label - passes through `escapeHtml` on its way out.
// Anything the types do not expect (a body that skipped the schema) renders as nothing.

/** rel on every link: no window.opener, no referrer, no endorsement (user-generated content). */
export const COMMENT_LINK_REL = "noopener noreferrer nofollow ugc";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for use both between tags and inside a double- or single-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * The body as HTML: `<p dir="auto">`, `<ul dir="auto">`/`<ol dir="auto">` with `<li>`,
 * `<strong>`, `<em>`, `<br>`, links as `<a href rel="noopener noreferrer nofollow ugc"
 * target="_blank">` (an unsafe href, should one get this far, renders its text without a link)
 * and mentions as `<span class="mention" data-user-id dir="auto">@label</span>`.
 */
export function bodyToHtml(body: CommentBody): string {
  return blocksToHtml(body.content);
}

function blocksToHtml(blocks: readonly CommentBlockNode[]): string {
  let html = "";
  for (const block of blocks) {
    switch (block.type) {
      case "paragraph": {
        // An empty paragraph keeps its line, as it did in the composer; so does a paragraph
        // ending in a line break (HTML draws no line after a trailing <br>, ProseMirror adds one).
        const content = block.content ?? [];
        const inner = inlineToHtml(content);
        const keepLastLine = inner === "" || content.at(-1)?.type === "hardBreak";
        html += `<p dir="auto">${inner}${keepLastLine ? "<br>" : ""}</p>`;
        break;
      }
      case "bulletList":
        html += `<ul dir="auto">${itemsToHtml(block.content)}</ul>`;
        break;
      case "orderedList": {
        const start = block.attrs?.start;
        const startAttr = Number.isSafeInteger(start) && start !== 1 ? ` start="${start}"` : "";
        html += `<ol dir="auto"${startAttr}>${itemsToHtml(block.content)}</ol>`;
        break;
      }
    }
  }
  return html;
}

function itemsToHtml(
  items: readonly { type: string; content: readonly CommentBlockNode[] }[],
): string {
  let html = "";
  for (const item of items)
    if (item.type === "listItem") html += `<li>${blocksToHtml(item.content)}</li>`;
  return html;
}

function inlineToHtml(nodes: readonly CommentInlineNode[]): string {
  let html = "";
  for (const node of nodes) {
    switch (node.type) {
      case "text":
        html += wrapInMarks(escapeHtml(node.text), node.marks);
        break;
      case "hardBreak":
        html += "<br>";
        break;
      case "mention":
        html += wrapInMarks(
          `<span class="mention" data-user-id="${escapeHtml(node.attrs.id)}" dir="auto">@${escapeHtml(node.attrs.label)}</span>`,
          node.marks,
        );
        break;
    }
  }
  return html;
}

// Link outermost, then bold, then italic: a fixed order so equal marks give equal HTML.
const MARK_ORDER: Record<CommentMark["type"], number> = { link: 0, bold: 1, italic: 2 };

function wrapInMarks(inner: string, marks: readonly CommentMark[] | undefined): string {
  if (!marks || marks.length === 0) return inner;
  const ordered = [...marks].sort((a, b) => (MARK_ORDER[b.type] ?? 0) - (MARK_ORDER[a.type] ?? 0));
  let html = inner;
  for (const mark of ordered) {
    if (mark.type === "bold") html = `<strong>${html}</strong>`;
    else if (mark.type === "italic") html = `<em>${html}</em>`;
    else if (mark.type === "link" && isSafeHref(mark.attrs?.href)) {
      html = `<a href="${escapeHtml(mark.attrs.href)}" rel="${COMMENT_LINK_REL}" target="_blank">${html}</a>`;
    }
  }
  return html;
}
