import { Parser } from "htmlparser2";
import {
  COMMENT_MAX_LIST_DEPTH,
  type CommentBlockNode,
  type CommentBody,
  type CommentInlineNode,
  type CommentListItemNode,
  type CommentMark,
  type CommentParagraphNode,
  commentBodyInputSchema,
  isSafeHref,
} from "../body-schema";
import { entityIdSchema } from "../ids";

// HTML from elsewhere (a W3C text/html body, rendered Markdown) turned into our restricted
// comment JSON. Nothing of the HTML is kept but text and the structure we know: paragraphs,
// lists, bold, italic, safe links, line breaks and our own mentions. Every other element gives
// its text only (scripts, styles and embedded documents give nothing), so the result is safe by
// construction and then checked by the body schema like any comment. Whitespace follows HTML
// where it is layout (a line break in the source is a space; blank text between blocks and at a
// paragraph's edges is dropped) and is kept where it may be the author's (runs of spaces), so a
// body we rendered with `bodyToHtml` comes back as it was.

/** A converted body (null: nothing to show, e.g. a highlight), or why it cannot be one. */
export type BodyConversion =
  | { ok: true; body: CommentBody | null }
  | { ok: false; code: "comment.too_long" | "comment.too_many_nodes" | "comment.invalid" };

/** Largest HTML (UTF-16 units) worth parsing: far above 10,000 characters of text. */
const MAX_HTML_LENGTH = 1_000_000;

const words = (list: string) => new Set(list.split(" "));
// Elements whose content is not text for a reader.
const SKIPPED = words(
  "script style template head title iframe object embed svg math noscript textarea select button canvas video audio img picture",
);
// Elements that end a paragraph (their text forms paragraphs of its own).
const BLOCKS = words(
  "p div h1 h2 h3 h4 h5 h6 blockquote pre section article header footer aside nav figure figcaption table thead tbody tr dl dt dd address main hr details summary center li form fieldset legend caption",
);
// Elements that open a paragraph of their own, kept even when empty.
const PARAGRAPHS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "pre"]);
const MARKS: Record<string, "bold" | "italic"> = {
  strong: "bold",
  b: "bold",
  em: "italic",
  i: "italic",
};

// Layout whitespace (ASCII whitespace with a line break in it) and text a comment may not hold.
const LINE_BREAK_SPACE = /[ \t\f]*[\r\n][ \t\f\r\n]*/g;
const LEADING_BREAK_SPACE = /^[ \t\f]*[\r\n][ \t\f\r\n]*/;
const TRAILING_BREAK_SPACE = /[ \t\f]*[\r\n][ \t\f\r\n]*$/;
const FORBIDDEN = /[^\P{Cc}\t\n\r]|\p{Cs}/gu;

type Container =
  | { kind: "doc"; blocks: CommentBlockNode[] }
  | { kind: "item"; blocks: CommentBlockNode[] }
  | {
      kind: "list";
      node: { type: "bulletList" | "orderedList"; start: number; items: CommentListItemNode[] };
    };

/** What closing a tag undoes. */
type Action = "none" | "skip" | "block" | "mark" | "list" | "item" | "mention" | "pre";

class HtmlToBody {
  private readonly containers: Container[] = [{ kind: "doc", blocks: [] }];
  private paragraph: { inline: CommentInlineNode[]; explicit: boolean } | null = null;
  /** A layout space seen at the end of text, written only if more inline content follows. */
  private pendingSpace = false;
  private readonly marks: CommentMark[] = [];
  private readonly actions: Action[] = [];
  private skipDepth = 0;
  private preDepth = 0;
  private listDepth = 0;
  private mention: { id: string; label: string } | null = null;

  readonly blocks = (this.containers[0] as { blocks: CommentBlockNode[] }).blocks;

  open(name: string, attribs: Record<string, string>): void {
    if (this.skipDepth > 0 || SKIPPED.has(name)) {
      this.skipDepth++;
      this.actions.push("skip");
      return;
    }
    if (this.mention) return void this.actions.push("none");
    const top = this.containers.at(-1)!;
    if ((name === "ul" || name === "ol") && this.listDepth < COMMENT_MAX_LIST_DEPTH) {
      this.flush();
      const start = Number(attribs.start);
      const node = {
        type: name === "ul" ? ("bulletList" as const) : ("orderedList" as const),
        start: Number.isInteger(start) && start >= 0 && start <= 99_999 ? start : 1,
        items: [],
      };
      this.containers.push({ kind: "list", node });
      this.listDepth++;
      return void this.actions.push("list");
    }
    if (name === "li" && top.kind === "list") {
      this.containers.push({ kind: "item", blocks: [] });
      return void this.actions.push("item");
    }
    if (name === "br") {
      this.pendingSpace = false;
      this.inline({ type: "hardBreak" });
      return void this.actions.push("none");
    }
    if (name === "span" && /\bmention\b/.test(attribs.class ?? "")) {
      const id = attribs["data-user-id"] ?? attribs["data-id"];
      if (id !== undefined && entityIdSchema.safeParse(id).success) {
        this.mention = { id, label: "" };
        return void this.actions.push("mention");
      }
    }
    const mark = MARKS[name];
    if (mark) {
      this.marks.push({ type: mark });
      return void this.actions.push("mark");
    }
    if (name === "a" && isSafeHref(attribs.href)) {
      this.marks.push({ type: "link", attrs: { href: attribs.href } });
      return void this.actions.push("mark");
    }
    if (BLOCKS.has(name) || name === "ul" || name === "ol") {
      this.flush();
      if (PARAGRAPHS.has(name)) this.paragraph = { inline: [], explicit: true };
      if (name === "pre") this.preDepth++;
      return void this.actions.push(name === "pre" ? "pre" : "block");
    }
    this.actions.push("none");
  }

  close(): void {
    const action = this.actions.pop();
    switch (action) {
      case "skip":
        this.skipDepth--;
        break;
      case "mark":
        this.marks.pop();
        break;
      case "mention": {
        const { id, label } = this.mention!;
        this.mention = null;
        const name = label.replace(/^@/, "").trim();
        if (name === "") break;
        if (this.pendingSpace) this.text(" ");
        this.inline({ type: "mention", attrs: { id, label: name } });
        break;
      }
      case "pre":
        this.preDepth--;
        this.flush();
        break;
      case "block":
        this.flush();
        break;
      case "item": {
        this.flush();
        const item = this.containers.pop() as { kind: "item"; blocks: CommentBlockNode[] };
        if (item.blocks[0]?.type !== "paragraph") item.blocks.unshift({ type: "paragraph" });
        const list = this.containers.at(-1) as Extract<Container, { kind: "list" }>;
        list.node.items.push({ type: "listItem", content: item.blocks });
        break;
      }
      case "list": {
        this.flush();
        const { node } = this.containers.pop() as Extract<Container, { kind: "list" }>;
        this.listDepth--;
        if (node.items.length > 0) {
          const list: CommentBlockNode =
            node.type === "bulletList"
              ? { type: "bulletList", content: node.items }
              : node.start === 1
                ? { type: "orderedList", content: node.items }
                : { type: "orderedList", attrs: { start: node.start }, content: node.items };
          this.blockTarget().push(list);
        }
        break;
      }
    }
  }

  text(raw: string): void {
    if (this.skipDepth > 0) return;
    let text = raw.replace(FORBIDDEN, "");
    if (this.mention) {
      this.mention.label += text.replace(LINE_BREAK_SPACE, " ");
      return;
    }
    if (this.preDepth > 0) {
      // Preformatted: every line break is a line break, spaces are kept.
      const lines = text.replace(/\r\n?/g, "\n").split("\n");
      lines.forEach((line, k) => {
        if (k > 0) this.inline({ type: "hardBreak" });
        if (line !== "") this.inlineText(line);
      });
      return;
    }
    if (!this.paragraph || this.paragraph.inline.length === 0) {
      // At a paragraph's start, layout whitespace is not text (nor is any leading whitespace
      // of a paragraph that no <p> opened).
      text = text.replace(this.paragraph?.explicit ? LEADING_BREAK_SPACE : /^[ \t\f\r\n]+/, "");
      if (text === "") return;
    } else if (this.paragraph.inline.at(-1)?.type === "hardBreak") {
      // Nor at the start of a line ("<br>\n" is how Markdown renderers write a line break).
      text = text.replace(LEADING_BREAK_SPACE, "");
      if (text === "") return;
    }
    const trailing = TRAILING_BREAK_SPACE.exec(text);
    if (trailing) text = text.slice(0, trailing.index);
    text = text.replace(LINE_BREAK_SPACE, " ");
    if (text !== "") {
      if (this.pendingSpace) this.inlineText(" ");
      this.pendingSpace = false;
      this.inlineText(text);
    }
    if (trailing) this.pendingSpace = true;
  }

  /** Closes the open paragraph, if any, into the current container. */
  flush(): void {
    const paragraph = this.paragraph;
    this.paragraph = null;
    this.pendingSpace = false;
    if (!paragraph) return;
    const inline = paragraph.inline;
    // A trailing <br> makes no line in HTML (bodyToHtml doubles one that ends a paragraph).
    if (inline.at(-1)?.type === "hardBreak") inline.pop();
    if (inline.length === 0 && !paragraph.explicit) return;
    const node: CommentParagraphNode =
      inline.length > 0 ? { type: "paragraph", content: inline } : { type: "paragraph" };
    this.blockTarget().push(node);
  }

  private blockTarget(): CommentBlockNode[] {
    const top = this.containers.at(-1)!;
    if (top.kind !== "list") return top.blocks;
    // Text straight inside a list, outside any item: it gets an item of its own.
    const item: CommentListItemNode = { type: "listItem", content: [] };
    top.node.items.push(item);
    return item.content;
  }

  private inlineText(text: string): void {
    this.inline({ type: "text", text });
  }

  private inline(node: CommentInlineNode): void {
    if (!this.paragraph) this.paragraph = { inline: [], explicit: false };
    const marks = currentMarks(this.marks);
    const inline = this.paragraph.inline;
    if (node.type === "text") {
      const last = inline.at(-1);
      // Adjacent text with the same marks is one node (as ProseMirror keeps it).
      if (last?.type === "text" && sameMarks(last.marks, marks)) {
        last.text += node.text;
        return;
      }
    }
    inline.push(node.type === "hardBreak" || marks.length === 0 ? node : { ...node, marks });
  }
}

/** The marks in force: one of each type, bold then italic then link (innermost link wins). */
function currentMarks(stack: readonly CommentMark[]): CommentMark[] {
  const bold = stack.some((m) => m.type === "bold");
  const italic = stack.some((m) => m.type === "italic");
  const link = stack.findLast((m) => m.type === "link");
  const marks: CommentMark[] = [];
  if (bold) marks.push({ type: "bold" });
  if (italic) marks.push({ type: "italic" });
  if (link) marks.push(link);
  return marks;
}

function sameMarks(a: readonly CommentMark[] | undefined, b: readonly CommentMark[]): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b);
}

/**
 * Our comment body from HTML (a W3C `text/html` body, or Markdown rendered to HTML): see the
 * module comment for what is kept. Null body when nothing visible remains; refused when the
 * result breaks a comment's limits (10,000 characters, 2,000 nodes).
 */
export function bodyFromHtml(html: string): BodyConversion {
  if (html.length > MAX_HTML_LENGTH) return { ok: false, code: "comment.too_long" };
  const converter = new HtmlToBody();
  const parser = new Parser(
    {
      onopentag: (name, attribs) => converter.open(name, attribs),
      onclosetag: () => converter.close(),
      ontext: (text) => converter.text(text),
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  converter.flush();
  return checkedBody({ type: "doc", content: itemsStartWithParagraphs(converter.blocks) });
}

/** ProseMirror's list items start with a paragraph: give one to those that do not. */
function itemsStartWithParagraphs(blocks: CommentBlockNode[]): CommentBlockNode[] {
  for (const block of blocks) {
    if (block.type === "paragraph") continue;
    for (const item of block.content) {
      if (item.content[0]?.type !== "paragraph") item.content.unshift({ type: "paragraph" });
      itemsStartWithParagraphs(item.content);
    }
  }
  return blocks;
}

/** Runs a built body through the comment schema: null when blank, a code when refused. */
export function checkedBody(body: CommentBody): BodyConversion {
  if (body.content.length === 0) return { ok: true, body: null };
  const parsed = commentBodyInputSchema.safeParse(body);
  if (parsed.success) return { ok: true, body: parsed.data };
  const issue = parsed.error.issues[0];
  // Over 2,000 blocks is refused by the array's bound before the node count is reached.
  if (issue?.code === "too_big") return { ok: false, code: "comment.too_many_nodes" };
  const message = issue?.message;
  if (message === "comment.empty") return { ok: true, body: null };
  if (message === "comment.too_long") return { ok: false, code: "comment.too_long" };
  if (message === "comment.too_many_nodes") return { ok: false, code: "comment.too_many_nodes" };
  return { ok: false, code: "comment.invalid" };
}
