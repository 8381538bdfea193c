import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bodyToHtml, COMMENT_LINK_REL, escapeHtml } from "./body-html";
import type { CommentBody } from "./body-schema";
import { bodyToPlainText } from "./body-text";
import { arbBody, doc, item, link, mention, paragraph } from "./testing/bodies";

// Every tag bodyToHtml may write, attributes included. Attribute values may hold anything but a
// raw quote or bracket: if escaping ever failed, a value would spill out and the match would fail.
const ALLOWED_TAG = new RegExp(
  [
    '<p dir="auto">',
    '<ul dir="auto">',
    '<ol dir="auto"(?: start="\\d+")?>',
    "<li>",
    "<strong>",
    "<em>",
    "<br>",
    `<a href="(?:https?://|mailto:)[^"<>\\s]*" rel="${COMMENT_LINK_REL}" target="_blank">`,
    '<span class="mention" data-user-id="[^"<>]*" dir="auto">',
    "</(?:p|ul|ol|li|strong|em|a|span)>",
  ].join("|"),
  // Case-insensitive only for the link scheme ("HTTPS://" is allowed); tags are written lower-case.
  "gi",
);

function decode(text: string): string {
  return text
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&");
}

/** The text left once every allowed tag is removed; must hold no markup at all. */
function textOutside(html: string): string {
  return html.replace(ALLOWED_TAG, "");
}

describe("bodyToHtml", () => {
  it("renders the composer's nodes with dir=auto, safe links and mentions", () => {
    const body = doc(
      paragraph(
        "قال ",
        mention("u1", "سارة"),
        " ",
        { type: "text", text: "مهم", marks: [{ type: "italic" }, { type: "bold" }] },
        { type: "hardBreak" },
        link("المقدمة", "https://example.org/a?b=1&c=2"),
      ),
      {
        type: "orderedList",
        attrs: { start: 3 },
        content: [
          item(paragraph("three"), { type: "bulletList", content: [item(paragraph("sub"))] }),
        ],
      },
      paragraph(),
    );
    expect(bodyToHtml(body)).toBe(
      '<p dir="auto">قال <span class="mention" data-user-id="u1" dir="auto">@سارة</span> <strong><em>مهم</em></strong><br>' +
        `<a href="https://example.org/a?b=1&amp;c=2" rel="${COMMENT_LINK_REL}" target="_blank">المقدمة</a></p>` +
        '<ol dir="auto" start="3"><li><p dir="auto">three</p><ul dir="auto"><li><p dir="auto">sub</p></li></ul></li></ol>' +
        '<p dir="auto"><br></p>',
    );
  });

  it("keeps the empty last line of a paragraph that ends in a line break", () => {
    const lineBreak = { type: "hardBreak" } as const;
    expect(bodyToHtml(doc(paragraph("a", lineBreak)))).toBe('<p dir="auto">a<br><br></p>');
    expect(bodyToHtml(doc(paragraph(lineBreak)))).toBe('<p dir="auto"><br><br></p>');
    expect(bodyToHtml(doc(paragraph("a", lineBreak, "b")))).toBe('<p dir="auto">a<br>b</p>');
  });

  it("escapes script tags and attribute breakers in text, labels and ids", () => {
    const body = doc(
      paragraph(
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        mention('u1" onmouseover="alert(1)', "<b>Eve</b>'"),
        {
          type: "text",
          text: "x</a><a href=javascript:alert(1)>",
          marks: [{ type: "link", attrs: { href: "https://a.b/it's" } }],
        },
      ),
    );
    const html = bodyToHtml(body);
    expect(html).not.toMatch(/<script|<img|<b>|onmouseover="/i);
    // Every raw tag is one of ours (the hostile "<a href=javascript:…>" stays escaped text).
    for (const tag of html.match(/<[^>]*>/g) ?? [])
      expect(tag.replace(ALLOWED_TAG, ""), tag).toBe("");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain('data-user-id="u1&quot; onmouseover=&quot;alert(1)"');
    expect(html).toContain('href="https://a.b/it&#39;s"');
    expect(textOutside(html)).not.toMatch(/[<>"]/);
  });

  it("renders an unsafe link's text without the link, even on a body that skipped the schema", () => {
    for (const href of [
      "javascript:alert(1)",
      " JaVaScRiPt:alert(1)",
      "java\tscript:alert(1)",
      "javascript&#58;alert(1)",
      'https://a.b/"onclick="x',
      "data:text/html,<script>",
    ]) {
      const html = bodyToHtml(doc(paragraph(link("click", href))));
      expect(html, href).toBe('<p dir="auto">click</p>');
    }
  });

  it("renders nothing for nodes and attributes it does not know", () => {
    const hostile = {
      type: "doc",
      content: [
        { type: "script", content: [{ type: "text", text: "alert(1)" }] },
        {
          type: "paragraph",
          attrs: { style: "x", onclick: "y" },
          content: [
            { type: "iframe", attrs: { src: "https://evil" } },
            { type: "text", text: "ok", marks: [{ type: "code" }] },
          ],
        },
        {
          type: "orderedList",
          attrs: { start: '1" onclick="x' },
          content: [
            { type: "listItem", content: [] },
            { type: "div", content: [] },
          ],
        },
      ],
    } as unknown as CommentBody;
    expect(bodyToHtml(hostile)).toBe('<p dir="auto">ok</p><ol dir="auto"><li></li></ol>');
  });

  it("writes only allowed tags, and the text outside them is the body's text, for any body", () => {
    fc.assert(
      fc.property(arbBody(), (body) => {
        const html = bodyToHtml(body);
        const outside = textOutside(html);
        expect(outside).not.toMatch(/[<>"]/);
        expect(decode(outside)).toBe(bodyToPlainText(body).replaceAll("\n", ""));
      }),
      { numRuns: 300 },
    );
  });
});

describe("escapeHtml", () => {
  it("escapes the five characters that matter in text and quoted attributes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;",
    );
    expect(escapeHtml("نص عربي")).toBe("نص عربي");
  });
});
