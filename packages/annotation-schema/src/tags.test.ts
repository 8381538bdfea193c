import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MAX_TAGS_PER_ANNOTATION,
  normaliseTag,
  TAG_MAX_CHARS,
  tagListSchema,
  tagNameSchema,
} from "./tags";

function parseTag(raw: string): string | null {
  const result = tagNameSchema.safeParse(raw);
  return result.success ? result.data : null;
}

describe("normaliseTag", () => {
  it("trims, collapses inner whitespace and lower-cases cased scripts", () => {
    expect(normaliseTag("  Close   Reading ")).toBe("close reading");
    expect(normaliseTag("ΟΔΟΣ")).toBe("οδος");
    expect(normaliseTag("Straße")).toBe("straße");
    expect(normaliseTag("a\u00a0\u3000b")).toBe("a b");
  });

  it("leaves Arabic as written (it has no case) and lower-cases only the Latin of mixed text", () => {
    expect(normaliseTag("العصبية")).toBe("العصبية");
    expect(normaliseTag("  ابن   خلدون ")).toBe("ابن خلدون");
    expect(normaliseTag("Ibn Khaldun ابن خلدون")).toBe("ibn khaldun ابن خلدون");
    expect(normaliseTag("القرن 14")).toBe("القرن 14");
    // Tashkeel is meaning, not decoration, in a tag: kept (search is where it is ignored).
    expect(normaliseTag("عَصَبِيَّة")).toBe("عَصَبِيَّة");
  });

  it("composes to NFC, in Arabic as in Latin", () => {
    expect(normaliseTag("Cafe\u0301")).toBe("café");
    expect(normaliseTag("Cafe\u0301")).toBe(normaliseTag("CAF\u00c9"));
    // Alef + combining hamza above composes to أ (U+0623).
    expect(normaliseTag("\u0627\u0654حمد")).toBe("\u0623حمد");
  });

  it("removes invisible marks that make equal-looking tags differ", () => {
    expect(normaliseTag("\u200fعربي\u200e")).toBe("عربي");
    expect(normaliseTag("zero\u200bwidth")).toBe("zerowidth");
    expect(normaliseTag("\ufeffbom")).toBe("bom");
    // ZWNJ shapes Persian words: kept.
    expect(normaliseTag("می\u200cخواهم")).toBe("می\u200cخواهم");
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), (raw) => {
        const once = normaliseTag(raw);
        expect(normaliseTag(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});

describe("tagNameSchema", () => {
  it("accepts and normalises ordinary tags", () => {
    expect(parseTag(" Theme ")).toBe("theme");
    expect(parseTag("سؤال")).toBe("سؤال");
    expect(parseTag("🔥")).toBe("🔥");
  });

  it("refuses bidi embeddings, overrides and isolates", () => {
    for (const c of [
      "\u202a",
      "\u202b",
      "\u202c",
      "\u202d",
      "\u202e",
      "\u2066",
      "\u2067",
      "\u2068",
      "\u2069",
    ]) {
      expect(parseTag(`abc${c}def`), `U+${c.codePointAt(0)?.toString(16)}`).toBeNull();
    }
  });

  it("refuses control characters other than whitespace, which collapses", () => {
    for (const raw of [
      "a\u0000b",
      "a\u0007b",
      "a\u001bb",
      "a\u007fb",
      "a\u0085b",
      "a\u009bb",
      "\ud800x",
    ]) {
      expect(parseTag(raw), JSON.stringify(raw)).toBeNull();
    }
    expect(parseTag("close\treading\r\n")).toBe("close reading");
  });

  it("refuses a huge input before normalising it", () => {
    expect(parseTag(`${" ".repeat(1_000)}x`)).toBeNull();
  });

  it("refuses empty tags and tags over 40 code points after normalising", () => {
    for (const raw of ["", "   ", "\u200b", "\u200f\u200e"])
      expect(parseTag(raw), JSON.stringify(raw)).toBeNull();
    expect(parseTag("ب".repeat(TAG_MAX_CHARS))).toBe("ب".repeat(TAG_MAX_CHARS));
    expect(parseTag("ب".repeat(TAG_MAX_CHARS + 1))).toBeNull();
    // Counted in code points: 40 emoji (80 UTF-16 units) fit.
    expect(parseTag("😀".repeat(TAG_MAX_CHARS))).toBe("😀".repeat(TAG_MAX_CHARS));
    // Whitespace collapsed before counting.
    expect(parseTag(`${"a".repeat(20)}          ${"b".repeat(19)}`)).toHaveLength(TAG_MAX_CHARS);
  });
});

describe("tagListSchema", () => {
  it("merges tags equal after normalisation, keeping first-seen order", () => {
    expect(tagListSchema.parse(["Theme", "سؤال", " theme", "THEME ", "سؤال\u200f"])).toEqual([
      "theme",
      "سؤال",
    ]);
  });

  it("allows at most MAX_TAGS_PER_ANNOTATION distinct tags", () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `tag ${i}`);
    expect(tagListSchema.parse(tags(MAX_TAGS_PER_ANNOTATION))).toHaveLength(
      MAX_TAGS_PER_ANNOTATION,
    );
    expect(
      tagListSchema.safeParse(tags(MAX_TAGS_PER_ANNOTATION + 1)).error?.issues[0]?.message,
    ).toBe("tag.too_many");
    expect(tagListSchema.safeParse(tags(1_000)).success).toBe(false);
    // Duplicates do not count against the limit.
    expect(tagListSchema.parse([...tags(MAX_TAGS_PER_ANNOTATION), "TAG 0"])).toHaveLength(
      MAX_TAGS_PER_ANNOTATION,
    );
  });

  it("refuses the whole list when one tag is invalid", () => {
    expect(tagListSchema.safeParse(["ok", "a\u202eb"]).success).toBe(false);
  });
});
