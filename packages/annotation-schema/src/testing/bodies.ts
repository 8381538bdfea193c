import fc from "fast-check";
import type {
  CommentBlockNode,
  CommentBody,
  CommentInlineNode,
  CommentListItemNode,
  CommentMark,
  CommentParagraphNode,
} from "../body-schema";

// Builders and fast-check arbitraries for comment bodies, shared by the body tests.

/** A paragraph of plain text (none when `text` is empty). */
export function paragraph(...content: (string | CommentInlineNode)[]): CommentParagraphNode {
  const nodes = content
    .filter((c) => c !== "")
    .map((c): CommentInlineNode => (typeof c === "string" ? { type: "text", text: c } : c));
  return nodes.length > 0 ? { type: "paragraph", content: nodes } : { type: "paragraph" };
}

export function doc(...content: CommentBlockNode[]): CommentBody {
  return { type: "doc", content };
}

export function item(...content: CommentBlockNode[]): CommentListItemNode {
  return { type: "listItem", content };
}

export function mention(id: string, label: string): CommentInlineNode {
  return { type: "mention", attrs: { id, label } };
}

export function link(text: string, href: string): CommentInlineNode {
  return { type: "text", text, marks: [{ type: "link", attrs: { href } }] };
}

/** A bullet list `depth` levels deep, each level's item holding a paragraph then the next list. */
export function nestedList(depth: number): CommentBlockNode {
  let node: CommentBlockNode = { type: "bulletList", content: [item(paragraph("deepest"))] };
  for (let i = 1; i < depth; i++) {
    node = { type: "bulletList", content: [item(paragraph(`level ${depth - i}`), node)] };
  }
  return node;
}

// Text a comment may hold: any code points but controls (tab aside) and lone surrogates,
// including Arabic, emoji and HTML-significant characters.
const textChar = fc
  .oneof(
    fc.constantFrom("<", ">", "&", '"', "'", "/", "=", " ", "\t", "\u00a0", "\u200f"),
    fc.constantFrom("ب", "ِ", "ـ", "لا", "٣", "é", "😀", "👩🏽‍💻"),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
  )
  .filter((c) => !/[^\P{Cc}\t]|\p{Cs}/u.test(c));
export const arbText = fc.array(textChar, { minLength: 1, maxLength: 12 }).map((cs) => cs.join(""));

export const arbHref = fc.constantFrom(
  "https://example.org/",
  "http://example.org/a?b=1&c=2#d",
  "HTTPS://EXAMPLE.ORG/",
  "https://ar.wikipedia.org/wiki/ابن_خلدون",
  "mailto:someone@example.org",
  "https://example.org/it's",
);

const arbMarks: fc.Arbitrary<CommentMark[]> = fc
  .subarray(["bold", "italic", "link"] as const)
  .chain((types) =>
    fc.tuple(
      ...types.map((t) =>
        t === "link"
          ? arbHref.map((href): CommentMark => ({ type: "link", attrs: { href } }))
          : fc.constant<CommentMark>({ type: t }),
      ),
    ),
  );

const arbInline: fc.Arbitrary<CommentInlineNode> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({ text: arbText, marks: arbMarks })
      .map(({ text, marks }) =>
        marks.length > 0 ? { type: "text" as const, text, marks } : { type: "text" as const, text },
      ),
  },
  { weight: 1, arbitrary: fc.constant<CommentInlineNode>({ type: "hardBreak" }) },
  {
    weight: 1,
    arbitrary: fc
      .record({
        id: fc.stringMatching(/^[a-z0-9]{1,24}$/),
        label: arbText.filter(
          (l) => l.trim() === l && l !== "" && !/[\t\u202A-\u202E\u2066-\u2069]/u.test(l),
        ),
      })
      .map(({ id, label }) => mention(id, label)),
  },
);

const arbParagraph: fc.Arbitrary<CommentParagraphNode> = fc
  .array(arbInline, { maxLength: 5 })
  .map((content) => (content.length > 0 ? { type: "paragraph", content } : { type: "paragraph" }));

/** Canonical bodies (what the schema outputs), lists nested up to `maxDepth`. */
export function arbBody(maxDepth = 4): fc.Arbitrary<CommentBody> {
  const block = (depth: number): fc.Arbitrary<CommentBlockNode> => {
    if (depth >= maxDepth) return arbParagraph;
    const items = fc.array(
      fc
        .tuple(arbParagraph, fc.array(block(depth + 1), { maxLength: 2 }))
        .map(([first, rest]) => item(first, ...rest)),
      { minLength: 1, maxLength: 3 },
    );
    return fc.oneof(
      { weight: 3, arbitrary: arbParagraph },
      {
        weight: 1,
        arbitrary: items.map((content): CommentBlockNode => ({ type: "bulletList", content })),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(items, fc.integer({ min: 0, max: 50 }))
          .map(
            ([content, start]): CommentBlockNode =>
              start === 1
                ? { type: "orderedList", content }
                : { type: "orderedList", attrs: { start }, content },
          ),
      },
    );
  };
  return fc.array(block(0), { minLength: 1, maxLength: 4 }).map((content) => doc(...content));
}
