import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DISPLAY_NAME_MAX_CHARS,
  displayNameSchema,
  isValidDisplayName,
  sanitiseDisplayName,
} from "./display-name";

const parse = (raw: string) => {
  const result = displayNameSchema.safeParse(raw);
  return result.success ? result.data : (result.error.issues[0]?.message ?? "refused");
};

describe("sanitiseDisplayName", () => {
  it("keeps Arabic, Latin and mixed names as written, trimmed and with single spaces", () => {
    expect(sanitiseDisplayName("  سلمى   الحسيني ")).toBe("سلمى الحسيني");
    expect(sanitiseDisplayName("Salma al-Husayni")).toBe("Salma al-Husayni");
    expect(sanitiseDisplayName("د. Layla 2")).toBe("د. Layla 2");
    expect(sanitiseDisplayName("عَلِيّ")).toBe("عَلِيّ");
  });

  it("composes to NFC", () => {
    // "é" as e + combining acute, and Arabic alef + combining hamza above.
    expect(sanitiseDisplayName("Rene\u0301")).toBe("René");
    expect(sanitiseDisplayName("\u0627\u0654حمد")).toBe("أحمد");
  });

  it("removes text-direction overrides, embeddings and isolates", () => {
    // U+202E would show "Eve\u202Egnirts" as "Eve" + "string" reversed: the Trojan Source trick.
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      const char = String.fromCodePoint(code);
      expect(sanitiseDisplayName(`Eve${char}gnirts`)).toBe("Evegnirts");
      expect(sanitiseDisplayName(`${char}ليلى${char}`)).toBe("ليلى");
    }
  });

  it("removes invisible marks and controls, and turns line breaks and tabs into spaces", () => {
    expect(sanitiseDisplayName("La\u200Byla\u200E\u200F\u061C\uFEFF\u00AD\u2060")).toBe("Layla");
    expect(sanitiseDisplayName("Layla\u0000\u0007\u001B[31m")).toBe("Layla[31m");
    expect(sanitiseDisplayName("Layla\nSalma\tOmar\r\n\u2028Zayd")).toBe("Layla Salma Omar Zayd");
    expect(sanitiseDisplayName("\u3164\u115F\uFFA0")).toBe("");
  });

  it("keeps the joiners Persian names and emoji need", () => {
    expect(sanitiseDisplayName("می\u200Cخواهم")).toBe("می\u200Cخواهم");
    expect(sanitiseDisplayName("👩\u200D🏫 Mona")).toBe("👩\u200D🏫 Mona");
  });

  it("gives a name that needs no further sanitising and has no forbidden character", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        (a, b) => {
          const once = sanitiseDisplayName(a + b);
          expect(sanitiseDisplayName(once)).toBe(once);
          expect(once).not.toMatch(
            /[\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069\u200B\u200E\u200F\uFEFF]/u,
          );
          expect(once).toBe(once.trim());
          expect(once.normalize("NFC")).toBe(once);
        },
      ),
    );
  });
});

describe("displayNameSchema", () => {
  it("stores the sanitised name", () => {
    expect(parse("  \u202Eسلمى\u202C  ")).toBe("سلمى");
  });

  it("refuses a name with nothing visible, once sanitised", () => {
    for (const raw of ["", "   ", "\u202E\u202C", "\u200B\u200D", "\u3164", "...", "\n\t"]) {
      expect(parse(raw)).toBe("display_name.invalid");
    }
  });

  it("accepts 80 code points and refuses 81, counting code points, not UTF-16 units", () => {
    expect(parse("س".repeat(DISPLAY_NAME_MAX_CHARS))).toHaveLength(DISPLAY_NAME_MAX_CHARS);
    expect(parse("س".repeat(DISPLAY_NAME_MAX_CHARS + 1))).toBe("display_name.invalid");
    expect(isValidDisplayName("😀".repeat(DISPLAY_NAME_MAX_CHARS))).toBe(true);
    // Stripped characters do not count against the limit.
    expect(parse(`${"a".repeat(DISPLAY_NAME_MAX_CHARS)}\u200B\u202E`)).toHaveLength(80);
  });

  it("refuses a huge input before sanitising it", () => {
    expect(parse("a".repeat(1_000_000))).toBe("display_name.invalid");
  });
});
