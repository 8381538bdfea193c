import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import {
  COMMENT_MAX_LIST_DEPTH,
  COMMENT_MAX_NODES,
  type CommentBody,
  type CommentBodyJson,
  type commentBodyInputSchema,
  commentBodySchema,
  countBodyNodes,
  isSafeHref,
} from "./body-schema";
import { arbBody, doc, nestedList, paragraph } from "./testing/bodies";

function messages(input: unknown): string[] {
  const result = commentBodySchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

function refuses(input: unknown): boolean {
  return !commentBodySchema.safeParse(input).success;
}

/** A one-paragraph body around one inline node. */
function withInline(node: unknown): unknown {
  return { type: "doc", content: [{ type: "paragraph", content: [node] }] };
}

// What a stock Tiptap 3 editor (StarterKit + Link + Mention, textDirection "auto") writes from
// getJSON(): default attributes included.
const tiptapJson = {
  type: "doc",
  attrs: { dir: "auto" },
  content: [
    {
      type: "paragraph",
      attrs: { dir: "auto" },
      content: [
        { type: "text", text: "قرأتُ " },
        { type: "text", marks: [{ type: "bold" }], text: "ابن خلدون" },
        { type: "hardBreak", attrs: { dir: "auto" } },
        {
          type: "text",
          marks: [
            {
              type: "link",
              attrs: {
                href: "https://ar.wikipedia.org/wiki/مقدمة_ابن_خلدون",
                target: "_blank",
                rel: "noopener noreferrer nofollow",
                class: null,
                title: null,
              },
            },
            { type: "italic" },
          ],
          text: "the Muqaddimah",
        },
        { type: "text", text: " — ask " },
        {
          type: "mention",
          attrs: { id: "cm5user01", label: "سارة", mentionSuggestionChar: "@", dir: "auto" },
        },
      ],
    },
    {
      type: "orderedList",
      attrs: { start: 1, type: null, dir: "auto" },
      content: [
        {
          type: "listItem",
          attrs: { dir: "auto" },
          content: [
            { type: "paragraph", attrs: { dir: "auto" }, content: [{ type: "text", text: "one" }] },
          ],
        },
      ],
    },
    { type: "paragraph", attrs: { dir: "auto" } },
  ],
};

// Tiptap 3's `JSONContent` (@tiptap/core src/types.ts), copied: this package may not import it.
type TiptapJSONContent = {
  type?: string;
  // biome-ignore lint/suspicious/noExplicitAny: Tiptap's own declaration
  attrs?: Record<string, any> | undefined;
  content?: TiptapJSONContent[];
  // biome-ignore lint/suspicious/noExplicitAny: Tiptap's own declaration
  marks?: { type: string; attrs?: Record<string, any>; [key: string]: any }[];
  text?: string;
  // biome-ignore lint/suspicious/noExplicitAny: Tiptap's own declaration
  [key: string]: any;
};

describe("commentBodySchema", () => {
  it("takes editor.getJSON() and canonical bodies as input, types-wise", () => {
    expectTypeOf<TiptapJSONContent>().toExtend<z.input<typeof commentBodyInputSchema>>();
    expectTypeOf<CommentBody>().toExtend<CommentBodyJson>();
    expectTypeOf<z.output<typeof commentBodyInputSchema>>().toEqualTypeOf<CommentBody>();
  });

  it("accepts a body at the node limit", () => {
    const big = doc(
      ...Array.from({ length: 500 }, (_, i) =>
        paragraph(
          { type: "text", text: `كلمة ${i} `, marks: [{ type: "bold" }] },
          { type: "hardBreak" },
          "x",
        ),
      ),
    );
    expect(countBodyNodes(big)).toBe(COMMENT_MAX_NODES);
    // Its parsing speed is a benchmark's business, not a test's.
    expect(countBodyNodes(commentBodySchema.parse(big))).toBe(COMMENT_MAX_NODES);
  });

  it("accepts what a stock Tiptap editor writes, and outputs the canonical tree", () => {
    expect(commentBodySchema.parse(tiptapJson)).toEqual({
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "قرأتُ " },
            { type: "text", text: "ابن خلدون", marks: [{ type: "bold" }] },
            { type: "hardBreak" },
            {
              type: "text",
              text: "the Muqaddimah",
              marks: [
                { type: "link", attrs: { href: "https://ar.wikipedia.org/wiki/مقدمة_ابن_خلدون" } },
                { type: "italic" },
              ],
            },
            { type: "text", text: " — ask " },
            { type: "mention", attrs: { id: "cm5user01", label: "سارة" } },
          ],
        },
        {
          type: "orderedList",
          content: [
            {
              type: "listItem",
              content: [{ type: "paragraph", content: [{ type: "text", text: "one" }] }],
            },
          ],
        },
        { type: "paragraph" },
      ],
    } satisfies CommentBody);
  });

  it("keeps an ordered list's start when it is not 1", () => {
    const body = commentBodySchema.parse({
      type: "doc",
      content: [
        {
          type: "orderedList",
          attrs: { start: 7, type: "a" },
          content: [{ type: "listItem", content: [{ type: "paragraph" }] }],
        },
      ],
    });
    expect(body.content[0]).toEqual({
      type: "orderedList",
      attrs: { start: 7 },
      content: [{ type: "listItem", content: [{ type: "paragraph" }] }],
    });
  });

  it("is a fixed point on its own output", () => {
    fc.assert(
      fc.property(arbBody(), (body) => {
        const once = commentBodySchema.parse(body);
        expect(once).toEqual(body);
        expect(commentBodySchema.parse(once)).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });

  it("refuses node types outside the composer's schema", () => {
    for (const type of [
      "heading",
      "codeBlock",
      "blockquote",
      "horizontalRule",
      "image",
      "table",
      "iframe",
    ]) {
      expect(
        refuses({ type: "doc", content: [{ type, content: [{ type: "text", text: "x" }] }] }),
        type,
      ).toBe(true);
    }
    for (const type of ["image", "emoji", "script", "paragraph"]) {
      expect(refuses(withInline({ type, attrs: { src: "x" } })), type).toBe(true);
    }
    // listItem and text only where they belong.
    expect(
      refuses({ type: "doc", content: [{ type: "listItem", content: [{ type: "paragraph" }] }] }),
    ).toBe(true);
    expect(refuses({ type: "doc", content: [{ type: "text", text: "x" }] })).toBe(true);
    expect(refuses({ type: "paragraph" })).toBe(true);
  });

  it("refuses unknown marks and duplicated marks", () => {
    for (const type of ["code", "strike", "underline", "highlight", "textStyle", "subscript"]) {
      expect(refuses(withInline({ type: "text", text: "x", marks: [{ type }] })), type).toBe(true);
    }
    expect(
      messages(
        withInline({ type: "text", text: "x", marks: [{ type: "bold" }, { type: "bold" }] }),
      ),
    ).toEqual(["comment.duplicate_mark"]);
  });

  it("refuses unknown attributes and unknown keys everywhere", () => {
    const hostile = [
      { type: "doc", content: [{ type: "paragraph", attrs: { style: "color:red" } }] },
      { type: "doc", content: [{ type: "paragraph", attrs: { onclick: "alert(1)" } }] },
      { type: "doc", content: [{ type: "paragraph", attrs: { dir: "sideways" } }] },
      { type: "doc", content: [{ type: "paragraph", html: "<script>" }] },
      { type: "doc", content: [{ type: "paragraph" }], extra: true },
      withInline({ type: "text", text: "x", attrs: { class: "x" } }),
      withInline({ type: "text", text: "x", marks: [{ type: "bold", attrs: { style: "x" } }] }),
      withInline({
        type: "text",
        text: "x",
        marks: [{ type: "link", attrs: { href: "https://a.b/", onmouseover: "x" } }],
      }),
      withInline({ type: "mention", attrs: { id: "u1", label: "x", avatar: "https://a.b/x.png" } }),
      withInline({ type: "mention", attrs: { id: "u1", label: "x", mentionSuggestionChar: "#" } }),
      withInline({ type: "hardBreak", attrs: { class: "x" } }),
      {
        type: "doc",
        content: [
          {
            type: "orderedList",
            attrs: { start: 1, reversed: true },
            content: [{ type: "listItem", content: [{ type: "paragraph" }] }],
          },
        ],
      },
    ];
    for (const input of hostile) expect(refuses(input), JSON.stringify(input)).toBe(true);
  });

  it("refuses links other than http, https and mailto", () => {
    for (const href of [
      "javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:x",
      "/relative",
      "//evil.example",
      "#top",
      "ftp://x.y/",
    ]) {
      expect(
        messages(
          withInline({ type: "text", text: "x", marks: [{ type: "link", attrs: { href } }] }),
        ),
        href,
      ).toEqual(["comment.unsafe_link"]);
    }
  });

  it("refuses the usual javascript: disguises", () => {
    const disguises = [
      "JavaScript:alert(1)",
      " javascript:alert(1)",
      "\tjavascript:alert(1)",
      "java\tscript:alert(1)",
      "java\nscript:alert(1)",
      "java\u0000script:alert(1)",
      "javascript&colon;alert(1)",
      "javascript&#58;alert(1)",
      "&#106;avascript:alert(1)",
      "jav&#x61;script:alert(1)",
      "javascript%3Aalert(1)",
      "\u200bjavascript:alert(1)",
      "https:javascript:alert(1)",
      "https:/\\evil.example",
      "https://evil.example\u202e/moc.elgoog",
      'https://a.b/"onmouseover="alert(1)',
      "https://a.b/<script>",
      "https:// a.b",
      "mailto:",
      "https://",
      `https://a.b/${"x".repeat(2_100)}`,
    ];
    for (const href of disguises) expect(isSafeHref(href), JSON.stringify(href)).toBe(false);
    for (const href of [
      "https://a.b/",
      "HTTP://A.B/x?y=1&z=2",
      "mailto:x@y.z",
      "https://a.b/it's",
    ]) {
      expect(isSafeHref(href), href).toBe(true);
    }
  });

  it("refuses lists nested deeper than the limit, with its own message", () => {
    expect(commentBodySchema.safeParse(doc(nestedList(COMMENT_MAX_LIST_DEPTH))).success).toBe(true);
    expect(messages(doc(nestedList(COMMENT_MAX_LIST_DEPTH + 1)))).toEqual(["comment.too_deep"]);
    expect(messages(doc(nestedList(COMMENT_MAX_LIST_DEPTH + 20)))).toEqual(["comment.too_deep"]);
  });

  it("refuses a hostile 100,000-level tree without overflowing the stack", () => {
    let node: unknown = { type: "paragraph" };
    for (let i = 0; i < 100_000; i++)
      node = {
        type: "bulletList",
        content: [{ type: "listItem", content: [{ type: "paragraph" }, node] }],
      };
    expect(messages({ type: "doc", content: [node] })).toEqual(["comment.too_deep"]);
  });

  it("refuses a list item that does not start with a paragraph", () => {
    const body = {
      type: "doc",
      content: [{ type: "bulletList", content: [{ type: "listItem", content: [nestedList(1)] }] }],
    };
    expect(messages(body)).toEqual(["comment.list_item_needs_paragraph"]);
    expect(
      refuses({
        type: "doc",
        content: [{ type: "bulletList", content: [{ type: "listItem", content: [] }] }],
      }),
    ).toBe(true);
    expect(refuses({ type: "doc", content: [{ type: "bulletList", content: [] }] })).toBe(true);
  });

  it("refuses more than COMMENT_MAX_NODES nodes, counting inline nodes too", () => {
    const words = (n: number) =>
      doc(paragraph(...Array.from({ length: n }, () => ({ type: "hardBreak" as const }))));
    // The paragraph is one node, so n inline nodes make n + 1.
    expect(countBodyNodes(words(COMMENT_MAX_NODES - 1))).toBe(COMMENT_MAX_NODES);
    expect(commentBodySchema.safeParse(words(COMMENT_MAX_NODES - 1)).success).toBe(true);
    expect(messages(words(COMMENT_MAX_NODES))).toEqual(["comment.too_many_nodes"]);
    const manyParagraphs = doc(...Array.from({ length: 1_001 }, () => paragraph("a")));
    expect(messages(manyParagraphs)).toEqual(["comment.too_many_nodes"]);
  });

  it("refuses empty text nodes, controls and lone surrogates in text", () => {
    for (const text of [
      "",
      "a\u0000b",
      "line\nbreak",
      "\r",
      "\u0007",
      "\u009b",
      "\ud800",
      "x\udc00",
    ]) {
      expect(refuses(withInline({ type: "text", text })), JSON.stringify(text)).toBe(true);
    }
    expect(refuses(withInline({ type: "text", text: "tab\there, 😀, مرحبا, \u200f" }))).toBe(false);
  });

  it("refuses bad mentions", () => {
    for (const attrs of [
      { id: "", label: "x" },
      { id: "x".repeat(65), label: "x" },
      { id: "u1", label: "   " },
      { id: "u1", label: "a\u202eb" },
      { id: "u1", label: null },
      { id: "u1" },
    ]) {
      expect(refuses(withInline({ type: "mention", attrs })), JSON.stringify(attrs)).toBe(true);
    }
  });

  it("refuses an empty document and anything that is not a doc", () => {
    for (const input of [
      { type: "doc", content: [] },
      { type: "doc" },
      null,
      "text",
      [],
      { type: "doc", content: "x" },
    ]) {
      expect(refuses(input), JSON.stringify(input)).toBe(true);
    }
  });
});
