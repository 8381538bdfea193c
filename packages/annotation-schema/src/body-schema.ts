import { z } from "zod";
import { bodyToPlainText, codePointCount, isBlank } from "./body-text";
import { entityIdSchema } from "./ids";

// The comment body: Tiptap JSON restricted to what our composer offers (DESIGN.md, "Comment
// bodies"). The server parses every body with this schema and stores only its output, so the
// rest of the system handles a small, canonical tree.

/** Plain-text limit of a comment, in Unicode code points. */
export const COMMENT_MAX_CHARS = 10_000;
/** Most nodes (blocks, list items, inline nodes) a body may hold. */
export const COMMENT_MAX_NODES = 2_000;
/** Deepest list nesting accepted (a list inside a list item counts one more). */
export const COMMENT_MAX_LIST_DEPTH = 4;
/** Longest link accepted. */
export const COMMENT_MAX_HREF_LENGTH = 2_048;

/** Issue message for a body with no visible text; the API maps it to a sentence. */
export const COMMENT_EMPTY = "comment.empty";
/** Issue message for a body over `COMMENT_MAX_CHARS`; the API maps it to a sentence. */
export const COMMENT_TOO_LONG = "comment.too_long";

/** A mark on inline content. A link's only attribute is its (checked) `href`. */
export type CommentMark =
  | { type: "bold" }
  | { type: "italic" }
  | { type: "link"; attrs: { href: string } };
/** Text (never empty, no line breaks: those are `hardBreak`s), with its marks if any. */
export type CommentTextNode = { type: "text"; text: string; marks?: CommentMark[] };
/** A line break inside a paragraph (Shift+Enter). */
export type CommentHardBreakNode = { type: "hardBreak"; marks?: CommentMark[] };
/** A mention of a user: `id` is theirs, `label` the name shown (and read as "@label"). */
export type CommentMentionNode = {
  type: "mention";
  attrs: { id: string; label: string };
  marks?: CommentMark[];
};
/** What a paragraph holds. */
export type CommentInlineNode = CommentTextNode | CommentHardBreakNode | CommentMentionNode;
/** A paragraph; an empty one has no `content`. */
export type CommentParagraphNode = { type: "paragraph"; content?: CommentInlineNode[] };
/** A list item starts with a paragraph (as ProseMirror's `paragraph block*` requires). */
export type CommentListItemNode = { type: "listItem"; content: CommentBlockNode[] };
/** A bulleted list of at least one item. */
export type CommentBulletListNode = { type: "bulletList"; content: CommentListItemNode[] };
/** A numbered list of at least one item. */
export type CommentOrderedListNode = {
  type: "orderedList";
  /** Present only when the list does not start at 1. */
  attrs?: { start: number };
  content: CommentListItemNode[];
};
/** What a document or a list item holds. */
export type CommentBlockNode =
  | CommentParagraphNode
  | CommentBulletListNode
  | CommentOrderedListNode;
/** A validated, canonical comment body (the schema's output). */
export type CommentBody = { type: "doc"; content: CommentBlockNode[] };

/**
 * What the schema accepts before checking: the shape of Tiptap's `JSONContent`, so that a
 * composer can pass `editor.getJSON()` as is. The schema, not this type, is the gate.
 */
export interface CommentBodyJson {
  type?: string;
  attrs?: Record<string, unknown>;
  content?: CommentBodyJson[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

// Lone surrogates and NUL are refused by PostgreSQL's json; other controls have no place in a
// comment (a line break is a hardBreak node). Tab is harmless.
const FORBIDDEN_IN_TEXT = /[^\P{Cc}\t]|\p{Cs}/u;
// Names also refuse bidi embeddings/overrides/isolates, which could reorder the words around them.
const FORBIDDEN_IN_LABEL = /\p{Cc}|\p{Cs}|[\u202A-\u202E\u2066-\u2069]/u;
// Anything that is not a plain absolute URL: whitespace (browsers strip some of it, which is how
// "java\tscript:" slips through filters), invisible format characters, quotes and brackets.
const FORBIDDEN_IN_HREF = /[\s\p{Cc}\p{Cf}\p{Cs}"<>`\\]/u;
// An allow-list of schemes checked at the very first character: "javascript:", "data:",
// entity-encoded or case-mangled variants and relative links all fail here.
const ALLOWED_HREF = /^(?:https?:\/\/[^/?#]|mailto:[^/?#])/i;

/**
 * Whether a link target is one we render: an absolute http(s) or mailto URL with no whitespace,
 * control, invisible or quoting characters. Used by the schema and again by the HTML renderer.
 */
export function isSafeHref(href: unknown): href is string {
  return (
    typeof href === "string" &&
    href.length <= COMMENT_MAX_HREF_LENGTH &&
    ALLOWED_HREF.test(href) &&
    !FORBIDDEN_IN_HREF.test(href)
  );
}

// Tiptap's TextDirection extension puts `dir` on every node when configured. We accept it and
// drop it: comments always render with dir="auto", which reads Arabic and English each right.
const dirAttr = z.enum(["ltr", "rtl", "auto"]).nullable().optional();
const plainNodeAttrs = z.strictObject({ dir: dirAttr }).optional();
// Attributes Tiptap's Link mark always writes (target, rel, class, title). We render our own
// rel/target, so their values never reach the page; they are only bounded and dropped.
const ignoredLinkAttr = z.string().max(200).nullable().optional();

const hrefSchema = z.string().refine(isSafeHref, { message: "comment.unsafe_link" });

const markSchema = z
  .discriminatedUnion("type", [
    z.strictObject({ type: z.literal("bold"), attrs: z.strictObject({}).optional() }),
    z.strictObject({ type: z.literal("italic"), attrs: z.strictObject({}).optional() }),
    z.strictObject({
      type: z.literal("link"),
      attrs: z.strictObject({
        href: hrefSchema,
        target: ignoredLinkAttr,
        rel: ignoredLinkAttr,
        class: ignoredLinkAttr,
        title: ignoredLinkAttr,
      }),
    }),
  ])
  .transform(
    (m): CommentMark =>
      m.type === "link" ? { type: "link", attrs: { href: m.attrs.href } } : { type: m.type },
  );

const marksSchema = z
  .array(markSchema)
  .max(3)
  .refine((marks) => new Set(marks.map((m) => m.type)).size === marks.length, {
    message: "comment.duplicate_mark",
  })
  .optional();

/** Copies `marks` onto a node only when there are some, so the output has no empty arrays. */
function withMarks<T extends object>(
  node: T,
  marks: CommentMark[] | undefined,
): T & { marks?: CommentMark[] } {
  return marks && marks.length > 0 ? { ...node, marks } : node;
}

const textNodeSchema = z
  .strictObject({
    type: z.literal("text"),
    // ProseMirror never writes empty text nodes; refusing them keeps the tree canonical.
    text: z
      .string()
      .min(1)
      .refine((t) => !FORBIDDEN_IN_TEXT.test(t), { message: "comment.forbidden_character" }),
    marks: marksSchema,
  })
  .transform((n): CommentTextNode => withMarks({ type: "text" as const, text: n.text }, n.marks));

const hardBreakSchema = z
  .strictObject({ type: z.literal("hardBreak"), attrs: plainNodeAttrs, marks: marksSchema })
  .transform((n): CommentHardBreakNode => withMarks({ type: "hardBreak" as const }, n.marks));

const mentionSchema = z
  .strictObject({
    type: z.literal("mention"),
    attrs: z.strictObject({
      id: entityIdSchema,
      label: z
        .string()
        .trim()
        .min(1)
        .max(100)
        .refine((l) => !FORBIDDEN_IN_LABEL.test(l), { message: "comment.forbidden_character" }),
      // Written by Tiptap's Mention extension; we always render "@".
      mentionSuggestionChar: z.literal("@").optional(),
      dir: dirAttr,
    }),
    marks: marksSchema,
  })
  .transform(
    (n): CommentMentionNode =>
      withMarks(
        { type: "mention" as const, attrs: { id: n.attrs.id, label: n.attrs.label } },
        n.marks,
      ),
  );

const inlineSchema = z.discriminatedUnion("type", [textNodeSchema, hardBreakSchema, mentionSchema]);

const paragraphSchema = z
  .strictObject({
    type: z.literal("paragraph"),
    attrs: plainNodeAttrs,
    content: z.array(inlineSchema).max(COMMENT_MAX_NODES).optional(),
  })
  .transform(
    (n): CommentParagraphNode =>
      n.content && n.content.length > 0
        ? { type: "paragraph", content: n.content }
        : { type: "paragraph" },
  );

// A list one level too deep: recognised by its type only (its content is never walked, so a
// hostile 10,000-level tree costs nothing) and refused with its own message.
const tooDeepListSchema = z
  .looseObject({ type: z.enum(["bulletList", "orderedList"]) })
  .transform((value, ctx) => {
    ctx.issues.push({ code: "custom", message: "comment.too_deep", input: value });
    return z.NEVER;
  });

type BlockSchema = z.ZodType<CommentBlockNode, CommentBodyJson>;

/**
 * The block schema one list level above `inner` (`null`: the deepest level). Depth is bounded
 * by construction (one schema per level, none recursive), so validation never recurses deeper
 * than the limit, whatever the input.
 */
function makeBlockSchema(inner: BlockSchema | null): BlockSchema {
  if (!inner) return z.discriminatedUnion("type", [paragraphSchema, tooDeepListSchema]);
  const listItem = z
    .strictObject({
      type: z.literal("listItem"),
      attrs: plainNodeAttrs,
      content: z.array(inner).min(1).max(COMMENT_MAX_NODES),
    })
    .refine((n) => n.content[0]?.type === "paragraph", {
      message: "comment.list_item_needs_paragraph",
    })
    .transform((n): CommentListItemNode => ({ type: "listItem", content: n.content }));
  const items = z.array(listItem).min(1).max(COMMENT_MAX_NODES);
  const bulletList = z
    .strictObject({ type: z.literal("bulletList"), attrs: plainNodeAttrs, content: items })
    .transform((n): CommentBulletListNode => ({ type: "bulletList", content: n.content }));
  const orderedList = z
    .strictObject({
      type: z.literal("orderedList"),
      attrs: z
        .strictObject({
          start: z.number().int().min(0).max(99_999).optional(),
          // Tiptap's numbering style ("a", "i", …); dropped: numbering follows the UI language.
          type: z.enum(["1", "a", "A", "i", "I"]).nullable().optional(),
          dir: dirAttr,
        })
        .optional(),
      content: items,
    })
    .transform((n): CommentOrderedListNode => {
      const start = n.attrs?.start ?? 1;
      return start === 1
        ? { type: "orderedList", content: n.content }
        : { type: "orderedList", attrs: { start }, content: n.content };
    });
  return z.discriminatedUnion("type", [paragraphSchema, bulletList, orderedList]);
}

function buildTopBlockSchema(): BlockSchema {
  // Built from the deepest level up: content inside COMMENT_MAX_LIST_DEPTH lists allows no list.
  let schema = makeBlockSchema(null);
  for (let level = COMMENT_MAX_LIST_DEPTH - 1; level >= 0; level--)
    schema = makeBlockSchema(schema);
  return schema;
}

/** Counts every node of a body (blocks, list items, inline nodes), stopping past `limit`. */
export function countBodyNodes(body: CommentBody, limit = Number.POSITIVE_INFINITY): number {
  let count = 0;
  // Iterative walk: bodies are depth-bounded, but a counter should never be the thing that
  // overflows the stack.
  const stack: { content?: unknown[] }[] = [body];
  while (stack.length > 0 && count <= limit) {
    const node = stack.pop()!;
    for (const child of node.content ?? []) {
      count++;
      stack.push(child as { content?: unknown[] });
    }
  }
  return count;
}

/**
 * The restricted Tiptap document (see the module comment): doc > paragraph | bulletList |
 * orderedList; listItem > paragraph, then blocks; text with bold, italic and link (http, https,
 * mailto); hardBreak; mention {id, label}. Refuses unknown nodes, marks and attributes, lists
 * nested deeper than `COMMENT_MAX_LIST_DEPTH` and bodies over `COMMENT_MAX_NODES` nodes. Known
 * Tiptap attributes that we render ourselves (`dir`, link `target`/`rel`/`class`/`title`,
 * `mentionSuggestionChar`, list `type`) are accepted and dropped, so the output is canonical.
 * Emptiness and length are checked by `commentBodyInputSchema`.
 */
export const commentBodySchema: z.ZodType<CommentBody, CommentBodyJson> = z
  .strictObject({
    type: z.literal("doc"),
    attrs: plainNodeAttrs,
    content: z.array(buildTopBlockSchema()).min(1).max(COMMENT_MAX_NODES),
  })
  .transform((n): CommentBody => ({ type: "doc", content: n.content }))
  .refine((body) => countBodyNodes(body, COMMENT_MAX_NODES) <= COMMENT_MAX_NODES, {
    message: "comment.too_many_nodes",
  });

/**
 * A body as a user submits it: `commentBodySchema` plus the two refusals a user can meet, with
 * stable messages for the API to turn into sentences: `COMMENT_EMPTY` ("comment.empty": no
 * visible text) and `COMMENT_TOO_LONG` ("comment.too_long": over `COMMENT_MAX_CHARS` code points
 * of plain text; the issue's `params` carry `max` and `length`).
 */
export const commentBodyInputSchema = commentBodySchema.superRefine((body, ctx) => {
  const text = bodyToPlainText(body);
  if (isBlank(text)) {
    ctx.addIssue({ code: "custom", message: COMMENT_EMPTY });
    return;
  }
  const length = codePointCount(text);
  if (length > COMMENT_MAX_CHARS) {
    ctx.addIssue({
      code: "custom",
      message: COMMENT_TOO_LONG,
      params: { max: COMMENT_MAX_CHARS, length },
    });
  }
});
