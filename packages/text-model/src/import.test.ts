import { describe, expect, test } from "vitest";
import { seedBytes } from "./__fixtures__/seed";
import { MAX_TEXT_BYTES, canonicalText } from "./blocks";
import { TextModelError, errorCodes } from "./errors";
import { importMarkdown } from "./import-markdown";
import { importPlainText } from "./import-plain";

function errorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof TextModelError) return error.code;
    throw error;
  }
  return undefined;
}

describe("importPlainText", () => {
  test("the seed becomes nine paragraphs, the last one يتبع", () => {
    const doc = importPlainText(seedBytes);
    expect(doc.blocks).toHaveLength(9);
    expect(doc.blocks.every((b) => b.type === "paragraph")).toBe(true);
    expect(doc.blocks.at(-1)?.text).toBe("يتبع");
    expect(doc.text).toBe(canonicalText(doc.blocks));
    expect(doc.text.split("\n")).toHaveLength(9);
  });

  test("CRLF, blank lines, a BOM and surrounding spaces do not make blocks", () => {
    const doc = importPlainText("\ufeff  أولا \r\n\r\n\n ثانيا\u2029ثالثا\n   \n");
    expect(doc.blocks.map((b) => b.text)).toEqual(["أولا", "ثانيا", "ثالثا"]);
    expect(doc.text).toBe("أولا\nثانيا\nثالثا");
  });

  test("NFD input is stored as NFC", () => {
    const nfd = "آمن café".normalize("NFD");
    const doc = importPlainText(nfd);
    expect(doc.text).toBe("آمن café".normalize("NFC"));
    expect(doc.text).not.toBe(nfd);
  });

  test("bad input is refused with a stable code and an Arabic sentence", () => {
    expect(errorCode(() => importPlainText(new Uint8Array([0xd9, 0x84, 0xff, 0xfe])))).toBe(
      "text.not_utf8",
    );
    expect(errorCode(() => importPlainText(new Uint8Array([0xc9, 0xe1])))).toBe("text.not_utf8"); // windows-1256
    expect(errorCode(() => importPlainText(""))).toBe("text.empty");
    expect(errorCode(() => importPlainText(" \n\t\r\n "))).toBe("text.empty");
    // Only invisible controls (bidi marks, ZWJ, a BOM mid-text) is empty too.
    expect(errorCode(() => importPlainText("\u200f\u202e\n\u2066\u200d\ufeff"))).toBe("text.empty");
    expect(importPlainText("\u200f\nنص").blocks).toEqual([{ type: "paragraph", text: "نص" }]);
    expect(errorCode(() => importPlainText(new Uint8Array()))).toBe("text.empty");
    expect(errorCode(() => importPlainText("abc\u0000def"))).toBe("text.binary");
    expect(errorCode(() => importPlainText("abc\ud800def"))).toBe("text.invalid_unicode");
    expect(errorCode(() => importPlainText(new Uint8Array(MAX_TEXT_BYTES + 1).fill(0x61)))).toBe(
      "text.too_large",
    );
    expect(errorCode(() => importPlainText("ب".repeat(MAX_TEXT_BYTES / 2 + 1)))).toBe(
      "text.too_large",
    );
    expect(errorCode(() => importPlainText("و ".repeat(500_001)))).toBe("text.too_many_words");
    expect(errorCode(() => importMarkdown("\u200f\n\n\u2067\u2069"))).toBe("text.empty");
    const error = new TextModelError("text.empty");
    expect(error.toJSON()).toMatchObject({
      code: "text.empty",
      message: { en: expect.any(String), ar: expect.stringMatching(/النص/) },
    });
  });
});

test("every error code has an English and an Arabic sentence", () => {
  for (const code of errorCodes) {
    const { en, ar } = new TextModelError(code).localised;
    expect(en).toMatch(/^[A-Z].*\.$/);
    expect(ar).toMatch(/[\u0621-\u064a]/);
  }
});

describe("importMarkdown", () => {
  test("splits CommonMark blocks and strips inline markup", () => {
    const md = [
      "# عنوان **الفصل**",
      "",
      'فقرة *أولى* فيها [رابط](https://example.org "t") و `كود` و ![صورة](a.png)',
      "تكملة الفقرة.",
      "",
      "Setext heading",
      "---",
      "",
      "- بند أول",
      "- بند _ثان_",
      "  - بند متداخل",
      "1. مرقم",
      "",
      "> اقتباس من لينين",
      "> يستمر هنا",
      "",
      "```js",
      "const a = 1;",
      "",
      "const b = 2;",
      "```",
      "",
      "***",
      "",
      "    indented code",
      "",
      "snake_case and 2 * 3 &amp; <b>bold</b> \\*not emphasis\\*",
      "",
      "[ref]: https://example.org",
    ].join("\n");
    const doc = importMarkdown(md);
    expect(doc.blocks).toEqual([
      { type: "heading", level: 1, text: "عنوان الفصل" },
      { type: "paragraph", text: "فقرة أولى فيها رابط و كود و صورة تكملة الفقرة." },
      { type: "heading", level: 2, text: "Setext heading" },
      { type: "list_item", ordered: false, depth: 0, text: "بند أول" },
      { type: "list_item", ordered: false, depth: 0, text: "بند ثان" },
      { type: "list_item", ordered: false, depth: 1, text: "بند متداخل" },
      { type: "list_item", ordered: true, depth: 0, text: "مرقم" },
      { type: "blockquote", text: "اقتباس من لينين يستمر هنا" },
      { type: "code", language: "js", text: "const a = 1;\n\nconst b = 2;" },
      { type: "code", language: null, text: "indented code" },
      { type: "paragraph", text: "snake_case and 2 * 3 & bold *not emphasis*" },
    ]);
    expect(doc.text.startsWith("عنوان الفصل\nفقرة أولى")).toBe(true);
  });

  test("a blockquote or a list starting at 1 interrupts a paragraph; other numbers do not", () => {
    expect(importMarkdown("فقرة\n> اقتباس").blocks).toEqual([
      { type: "paragraph", text: "فقرة" },
      { type: "blockquote", text: "اقتباس" },
    ]);
    // A hard-wrapped line that starts with a year is still the same paragraph.
    expect(importMarkdown("ففي الثلاثين من اوت\n1918. تعرض لينين").blocks).toEqual([
      { type: "paragraph", text: "ففي الثلاثين من اوت 1918. تعرض لينين" },
    ]);
    expect(importMarkdown("فقرة\n1. بند").blocks).toEqual([
      { type: "paragraph", text: "فقرة" },
      { type: "list_item", ordered: true, depth: 0, text: "بند" },
    ]);
    // Inside a list, the next number is the next item.
    expect(importMarkdown("1. أول\n2. ثان").blocks.map((b) => b.text)).toEqual(["أول", "ثان"]);
    // A lazy line continues the quote it follows.
    expect(importMarkdown("> اقتباس\nيستمر").blocks).toEqual([
      { type: "blockquote", text: "اقتباس يستمر" },
    ]);
  });

  test("a multi-line setext heading is one line: no block holds a \n but code", () => {
    const doc = importMarkdown("عنوان\nطويل\n===\n\nفقرة  \nمكسورة\n\n```\na\nb\n```");
    expect(doc.blocks).toEqual([
      { type: "heading", level: 1, text: "عنوان طويل" },
      { type: "paragraph", text: "فقرة مكسورة" },
      { type: "code", language: null, text: "a\nb" },
    ]);
  });

  test("the seed imported as Markdown gives the same canonical text as plain text", () => {
    const plain = importPlainText(seedBytes).text;
    const md = importMarkdown(new TextDecoder().decode(seedBytes).split("\n").join("\n\n"));
    expect(md.text).toBe(plain);
  });

  test("refuses what plain text refuses", () => {
    expect(errorCode(() => importMarkdown("\n\n---\n\n"))).toBe("text.empty");
    expect(errorCode(() => importMarkdown(new Uint8Array([0xff])))).toBe("text.not_utf8");
  });
});
