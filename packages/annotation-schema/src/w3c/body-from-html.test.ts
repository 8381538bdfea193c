import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bodyToHtml } from "../body-html";
import { bodyToPlainText, isBlank } from "../body-text";
import { arbBody, doc, item, link, mention, paragraph } from "../testing/bodies";
import { bodyFromHtml } from "./body-from-html";
import { bodyFromMarkdown } from "./body-from-markdown";
import { htmlNormalForm } from "./body-normal-form";

const body = (html: string) => {
  const result = bodyFromHtml(html);
  if (!result.ok) throw new Error(result.code);
  return result.body;
};

describe("bodyFromHtml", () => {
  it("gives back any body we rendered, in the form HTML can carry", () => {
    fc.assert(
      fc.property(arbBody(), (b) => {
        // Stored bodies show something (commentBodyInputSchema): a blank one comes back as none.
        if (isBlank(bodyToPlainText(b))) expect(body(bodyToHtml(b))).toBeNull();
        else expect(body(bodyToHtml(b))).toEqual(htmlNormalForm(b));
      }),
      { numRuns: 500 },
    );
  });

  it("reads paragraphs, lists, marks, links, line breaks and our mentions", () => {
    const html =
      '<p dir="auto">قال <span class="mention" data-user-id="u1" dir="auto">@سارة</span> ' +
      '<strong><em>مهم</em></strong><br><a href="https://example.org/?a=1&amp;b=2">link</a></p>' +
      '<ol start="3"><li><p>three</p><ul><li>sub</li></ul></li></ol><p><br></p>';
    expect(body(html)).toEqual(
      doc(
        paragraph(
          "قال ",
          mention("u1", "سارة"),
          " ",
          { type: "text", text: "مهم", marks: [{ type: "bold" }, { type: "italic" }] },
          { type: "hardBreak" },
          link("link", "https://example.org/?a=1&b=2"),
        ),
        {
          type: "orderedList",
          attrs: { start: 3 },
          content: [
            item(paragraph("three"), { type: "bulletList", content: [item(paragraph("sub"))] }),
          ],
        },
        paragraph(),
      ),
    );
  });

  it("keeps only text of what it does not know, and nothing of scripts, styles or frames", () => {
    const html =
      '<div onclick="x()"><h2>Title</h2><script>alert(1)</script><style>p{}</style>' +
      '<iframe src="https://evil.example"></iframe><img src=x onerror="alert(1)">' +
      '<p>A <span style="color:red">red</span> <u>word</u> <code>x</code>' +
      '<a href="javascript:alert(1)">click</a></p></div>';
    expect(body(html)).toEqual(doc(paragraph("Title"), paragraph("A red word xclick")));
  });

  it("treats source line breaks and indentation as layout, not text", () => {
    const html =
      "\n<ul>\n  <li>\n    one\n  </li>\n  <li>two\n three</li>\n</ul>\n<p>\n  end  of\n  line\n</p>\n";
    expect(body(html)).toEqual(
      doc(
        { type: "bulletList", content: [item(paragraph("one")), item(paragraph("two three"))] },
        paragraph("end  of line"),
      ),
    );
  });

  it("keeps line breaks of preformatted text and flattens lists nested past the limit", () => {
    expect(body("<pre>a\n  b</pre>")).toEqual(doc(paragraph("a", { type: "hardBreak" }, "  b")));
    const deep =
      "<ul><li>1<ul><li>2<ul><li>3<ul><li>4<ul><li>5</li></ul></li></ul></li></ul></li></ul></li></ul>";
    const result = body(deep);
    expect(JSON.stringify(result)).toContain('"text":"5"');
    expect(JSON.stringify(result).match(/bulletList/g)).toHaveLength(4);
  });

  it("gives no body for HTML that shows nothing, and refuses one over the limits", () => {
    expect(bodyFromHtml("<p> </p><p><br></p>")).toEqual({ ok: true, body: null });
    expect(bodyFromHtml("")).toEqual({ ok: true, body: null });
    expect(bodyFromHtml(`<p>${"ب".repeat(10_001)}</p>`)).toEqual({
      ok: false,
      code: "comment.too_long",
    });
    expect(bodyFromHtml("<p>x</p>".repeat(2_001))).toEqual({
      ok: false,
      code: "comment.too_many_nodes",
    });
  });

  it("drops control characters a comment may not hold", () => {
    expect(body("<p>a\u0000b\u0007c\u200fd</p>")).toEqual(doc(paragraph("abc\u200fd")));
  });
});

describe("bodyFromMarkdown", () => {
  it("reads Hypothesis-style Markdown: emphasis, links, lists and single line breaks", () => {
    const md =
      "**مرحبا** _world_\nsecond line\n\n- one\n- [two](https://example.org)\n\nsee https://hypothes.is";
    expect(bodyFromMarkdown(md)).toEqual({
      ok: true,
      body: doc(
        paragraph(
          { type: "text", text: "مرحبا", marks: [{ type: "bold" }] },
          " ",
          { type: "text", text: "world", marks: [{ type: "italic" }] },
          { type: "hardBreak" },
          "second line",
        ),
        {
          type: "bulletList",
          content: [item(paragraph("one")), item(paragraph(link("two", "https://example.org")))],
        },
        paragraph("see ", link("https://hypothes.is", "https://hypothes.is")),
      ),
    });
  });

  it("lets raw HTML in Markdown through the same allow-list", () => {
    expect(
      bodyFromMarkdown("hi <b>there</b><script>alert(1)</script> <img src=x onerror=y>"),
    ).toEqual({
      ok: true,
      body: doc(paragraph("hi ", { type: "text", text: "there", marks: [{ type: "bold" }] }, " ")),
    });
  });
});
