import { describe, expect, test } from "vitest";
import { seedBytes } from "./__fixtures__/seed";
import { detectLanguage, languageDirection } from "./detect-language";

describe("detectLanguage", () => {
  test("the Arabic seed essay is Arabic, right to left", () => {
    expect(detectLanguage(new TextDecoder().decode(seedBytes))).toEqual({ language: "ar", direction: "rtl" });
  });

  test("an English paragraph is English, left to right", () => {
    expect(detectLanguage("Reading together is slower, and better.")).toEqual({
      language: "en",
      direction: "ltr",
    });
  });

  test("mixed text follows the script most of its letters are in", () => {
    expect(detectLanguage("قال تروتسكي إن Lenin كان على حق في ذلك الوقت")).toMatchObject({
      language: "ar",
    });
    expect(detectLanguage("The word نص means text in Arabic, and it is short")).toMatchObject({
      language: "en",
    });
  });

  test("digits, punctuation and tashkeel do not count as letters", () => {
    // Arabic-Indic digits are in the Arabic script block but are not letters.
    expect(detectLanguage("١٢٣٤٥٦٧٨٩ ... ok")).toMatchObject({ language: "en" });
    expect(detectLanguage("كَتَبَ 2024 — 2025")).toMatchObject({ language: "ar" });
  });

  test("a text without letters is taken as Arabic", () => {
    expect(detectLanguage("2024 — 42 !")).toEqual({ language: "ar", direction: "rtl" });
  });
});

describe("languageDirection", () => {
  test("pairs each language with its direction", () => {
    expect(languageDirection("ar").direction).toBe("rtl");
    expect(languageDirection("en").direction).toBe("ltr");
  });
});
