import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { doc, link, paragraph } from "../testing/bodies";
import { isHypothesisJson, parseHypothesisImport } from "./from-hypothesis";
import { parseAnnotationImport } from "./import";

// A search result of Hypothesis's API (`/api/search?_separate_replies=true`) on an Arabic essay:
// a shared question with a thread, a private highlight, a page note and a stray reply.
const fixture = readFileSync(
  new URL("./__fixtures__/hypothesis-search.json", import.meta.url),
  "utf8",
);

describe("parseHypothesisImport", () => {
  const result = parseAnnotationImport(fixture);
  if (!result.ok) throw new Error(result.problems[0]?.message.en);
  const { batch } = result;

  it("is recognised by its shape", () => {
    expect(batch.format).toBe("hypothesis");
    expect(isHypothesisJson(JSON.parse(fixture))).toBe(true);
    expect(
      isHypothesisJson({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        user: "acct:x",
        uri: "y",
      }),
    ).toBe(false);
  });

  it("reads an annotation: Markdown comment, normalised tags, group visibility, quote without position", () => {
    expect(batch.annotations[0]).toEqual({
      item: 1,
      externalId: "https://hypothes.is/a/Qx1aAbC2EeyWc0tLdT9kAg",
      source: "https://example.org/essays/lenin",
      quote: {
        type: "TextQuoteSelector",
        exact: "الثورة",
        prefix: "و بعد عامين من نجاح ",
        suffix: " كتب لينين متفكرا",
      },
      // UTF-16 offsets into the web page's rendered text: of no use in our text (see the module).
      position: null,
      body: doc(
        paragraph(
          "هل قصد ",
          { type: "text", text: "لينين", marks: [{ type: "bold" }] },
          " هنا الثورة كلها؟",
          { type: "hardBreak" },
          "انظر ",
          link("المقدمة", "https://example.org/intro"),
          ".",
        ),
      ),
      isQuestion: false,
      visibility: "course",
      tags: ["سؤال", "method"],
      creator: { id: "acct:sara_a@hypothes.is", name: "سارة الأحمد" },
      created: new Date("2024-03-10T08:15:02.114Z"),
      modified: new Date("2024-03-11T09:00:00Z"),
      replies: [
        {
          item: 2,
          externalId: "https://hypothes.is/a/Rr2bBcD3EeyWc0tLdT9kAg",
          inReplyTo: "https://hypothes.is/a/Qx1aAbC2EeyWc0tLdT9kAg",
          body: doc(
            paragraph(
              "I think he meant the ",
              { type: "text", text: "whole", marks: [{ type: "italic" }] },
              " revolution.",
            ),
          ),
          creator: { id: "acct:omar@hypothes.is", name: "omar" },
          created: new Date("2024-03-10T09:00:00Z"),
          modified: null,
        },
        {
          item: 3,
          externalId: "https://hypothes.is/a/Ss3cCdE4EeyWc0tLdT9kAg",
          inReplyTo: "https://hypothes.is/a/Rr2bBcD3EeyWc0tLdT9kAg",
          body: doc(paragraph("شكرًا")),
          creator: { id: "acct:sara_a@hypothes.is", name: "سارة الأحمد" },
          created: new Date("2024-03-10T10:30:00Z"),
          modified: null,
        },
      ],
    });
  });

  it("reads a private highlight without comment", () => {
    expect(batch.annotations[1]).toMatchObject({
      item: 4,
      quote: { exact: "ستالين", prefix: "", suffix: "" },
      body: null,
      visibility: "private",
      replies: [],
    });
    expect(batch.annotations).toHaveLength(2);
  });

  it("leaves out page notes and replies to what is not in the file, and says so", () => {
    expect(batch.warnings.map((w) => [w.code, w.message.en])).toEqual([
      [
        "import.page_note",
        "Item 5: left out: it is a note on the whole page, with no quoted passage to attach it to.",
      ],
      [
        "import.parent_missing",
        "Item 6: left out: it replies to https://hypothes.is/a/Zz9zZzZ9EeyWc0tLdT9kAg, which is not in the file.",
      ],
    ]);
    expect(batch.warnings[0]!.message.ar).toBe(
      "العنصر 5: أُهمل: فهو ملاحظة على الصفحة كلها، بلا مقطع مقتبس يمكن ربطه به.",
    );
  });

  it("refuses rows that are not Hypothesis annotations, naming the item and field", () => {
    const rows = JSON.parse(fixture).rows;
    rows[2].created = 1710000000;
    delete rows[0].target[0].selector[2].exact;
    const refused = parseHypothesisImport({ rows });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.problems.map((p) => p.message.en)).toEqual([
      "Item 1: the field “target[0].selector[2].exact” is missing.",
      "Item 3: the field “created” should be text.",
    ]);
    expect(refused.problems[0]!.message.ar).toBe(
      "العنصر 1: الحقل «\u2068target[0].selector[2].exact\u2069» مفقود.",
    );
  });

  it("reads a single annotation or a plain list, and refuses an empty one", () => {
    const row = JSON.parse(fixture).rows[0];
    expect(parseHypothesisImport(row).ok).toBe(true);
    expect(parseHypothesisImport([row]).ok).toBe(true);
    expect(parseHypothesisImport({ total: 0, rows: [] })).toMatchObject({
      ok: false,
      problems: [{ code: "import.empty" }],
    });
  });
});
