import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commentBodySchema } from "./body-schema";
import {
  bodyToPlainText,
  codePointCount,
  isBlank,
  mentionedUserIds,
  plainTextToBody,
} from "./body-text";
import { arbBody, doc, item, link, mention, nestedList, paragraph } from "./testing/bodies";

describe("bodyToPlainText", () => {
  it("separates paragraphs and list items by a newline and writes mentions as @label", () => {
    const body = doc(
      paragraph("قال ", mention("u1", "سارة"), ": انظر ", link("المقدمة", "https://example.org/")),
      {
        type: "bulletList",
        content: [item(paragraph("one")), item(paragraph("two"), nestedList(1))],
      },
      { type: "orderedList", content: [item(paragraph("three"))] },
      paragraph(),
      paragraph("end", { type: "hardBreak" }, "after break"),
    );
    expect(bodyToPlainText(body)).toBe(
      "قال @سارة: انظر المقدمة\none\ntwo\ndeepest\nthree\n\nend\nafter break",
    );
  });

  it("drops marks but keeps every character", () => {
    const body = doc(
      paragraph({
        type: "text",
        text: "<b>bold</b>",
        marks: [{ type: "bold" }, { type: "italic" }],
      }),
    );
    expect(bodyToPlainText(body)).toBe("<b>bold</b>");
  });
});

describe("plainTextToBody", () => {
  it("makes one paragraph per line, blank lines empty", () => {
    expect(plainTextToBody("أولاً\r\n\r\nثانياً\rthird")).toEqual(
      doc(paragraph("أولاً"), paragraph(), paragraph("ثانياً"), paragraph("third")),
    );
    expect(plainTextToBody("")).toEqual(doc(paragraph()));
  });

  it("round-trips through bodyToPlainText and validates", () => {
    const line = fc
      .string({ unit: "grapheme", maxLength: 20 })
      .filter((s) => !/[\p{Cc}\p{Cs}]/u.test(s));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        const text = lines.join("\n");
        const body = plainTextToBody(text);
        expect(bodyToPlainText(body)).toBe(text);
        expect(commentBodySchema.parse(body)).toEqual(body);
      }),
    );
  });
});

describe("mentionedUserIds", () => {
  it("lists each mentioned user once, in reading order, including inside lists", () => {
    const body = doc(paragraph(mention("b", "Bea"), " and ", mention("a", "Ali")), {
      type: "bulletList",
      content: [item(paragraph(mention("c", "Chen"), mention("b", "Bea")))],
    });
    expect(mentionedUserIds(body)).toEqual(["b", "a", "c"]);
    expect(mentionedUserIds(doc(paragraph("no one")))).toEqual([]);
  });

  it("lists only ids the body holds, each once, on random bodies", () => {
    fc.assert(
      fc.property(arbBody(), (body) => {
        const ids = mentionedUserIds(body);
        expect(new Set(ids).size).toBe(ids.length);
        const json = JSON.stringify(body);
        for (const id of ids) expect(json).toContain(`"id":${JSON.stringify(id)}`);
      }),
    );
  });
});

describe("codePointCount", () => {
  it("counts code points, not UTF-16 units or graphemes", () => {
    expect(codePointCount("")).toBe(0);
    expect(codePointCount("سلام")).toBe(4);
    expect(codePointCount("😀")).toBe(1);
    expect(codePointCount("👩🏽‍💻")).toBe(4);
    expect(codePointCount("بِسْمِ")).toBe(6);
    // A lone surrogate is one (ill-formed) code point, as [...s] counts it.
    expect(codePointCount("a\ud800")).toBe(2);
  });

  it("matches [...s].length for any string", () => {
    // UTF-16 units drawn freely, so lone and reversed surrogates occur often.
    const units = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 });
    fc.assert(
      fc.property(units, (codes) => {
        const s = String.fromCharCode(...codes);
        return codePointCount(s) === [...s].length;
      }),
      { numRuns: 500 },
    );
  });
});

describe("isBlank", () => {
  it("treats whitespace and invisible format characters as nothing", () => {
    for (const text of [
      "",
      " ",
      "\n\n",
      "\u00a0\u3000",
      "\u200b",
      "\u200f\u200e",
      "\u200d",
      "\t\ufeff",
    ]) {
      expect(isBlank(text), JSON.stringify(text)).toBe(true);
    }
    for (const text of ["a", " ب ", "@x", "😀", "."]) expect(isBlank(text), text).toBe(false);
  });
});
