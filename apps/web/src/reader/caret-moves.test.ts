import { describe, expect, it } from "vitest";
import { step, trimmedSpan, unitStops } from "./caret-moves";
import { commandFor } from "./shortcuts";

// Two paragraphs of the sample's kind: Arabic words, a comma, a full stop.
const text = "ان تروتسكي بقي خارجا. ثم التحق بالبلاشفة\nيتبع";
const stops = unitStops(text);
const length = [...text].length;
const slice = (a: number, b: number) => [...text].slice(a, b).join("");

describe("step", () => {
  it("moves to the next word's start and extends to its end, in logical order", () => {
    let caret = { anchor: 0, focus: 0 };
    caret = step(caret, stops.word, { forward: true, extend: false, length });
    expect(slice(caret.focus, caret.focus + 7)).toBe("تروتسكي");
    caret = step(caret, stops.word, { forward: true, extend: true, length });
    expect(slice(caret.anchor, caret.focus)).toBe("تروتسكي");
    caret = step(caret, stops.word, { forward: true, extend: true, length });
    expect(slice(caret.anchor, caret.focus)).toBe("تروتسكي بقي");
    caret = step(caret, stops.word, { forward: false, extend: true, length });
    expect(slice(caret.anchor, caret.focus)).toBe("تروتسكي ");
  });

  it("steps by sentence and by paragraph", () => {
    let caret = { anchor: 0, focus: 0 };
    caret = step(caret, stops.sentence, { forward: true, extend: true, length });
    expect(slice(caret.anchor, caret.focus)).toBe("ان تروتسكي بقي خارجا.");
    caret = step(caret, stops.sentence, { forward: true, extend: false, length });
    expect(slice(caret.focus, caret.focus + 2)).toBe("ثم");
    caret = step(caret, stops.paragraph, { forward: true, extend: false, length });
    caret = step(caret, stops.paragraph, { forward: true, extend: true, length });
    expect(slice(caret.anchor, caret.focus)).toBe("يتبع");
  });

  it("stops at the ends of the text", () => {
    expect(
      step({ anchor: 0, focus: 0 }, stops.word, { forward: false, extend: false, length }),
    ).toEqual({
      anchor: 0,
      focus: 0,
    });
    expect(
      step({ anchor: 3, focus: length }, stops.word, { forward: true, extend: true, length }),
    ).toEqual({ anchor: 3, focus: length });
  });
});

describe("trimmedSpan", () => {
  it("orders the ends and drops spaces at the edges", () => {
    expect(trimmedSpan(text, { anchor: 11, focus: 2 })).toEqual({ start: 3, end: 10 });
    expect(trimmedSpan(text, { anchor: 2, focus: 3 })).toBeNull();
  });
});

describe("commandFor", () => {
  const key = (k: string, mods: Partial<{ alt: boolean; shift: boolean; ctrl: boolean }> = {}) => ({
    key: k,
    code: k.length === 1 ? `Key${k.toUpperCase()}` : k,
    altKey: mods.alt ?? false,
    shiftKey: mods.shift ?? false,
    ctrlKey: mods.ctrl ?? false,
    metaKey: false,
  });

  it("reads the arrows in the text's direction", () => {
    expect(commandFor(key("ArrowLeft", { alt: true, shift: true }), "rtl")).toEqual({
      type: "step",
      unit: "word",
      forward: true,
      extend: true,
    });
    expect(commandFor(key("ArrowLeft", { alt: true }), "ltr")).toMatchObject({ forward: false });
    expect(commandFor(key("ArrowDown", { alt: true }), "rtl")).toMatchObject({
      unit: "sentence",
      forward: true,
      extend: false,
    });
    expect(commandFor(key("PageUp", { alt: true, shift: true }), "rtl")).toMatchObject({
      unit: "paragraph",
      forward: false,
    });
  });

  it("annotates with Ctrl+Alt+A, leaves plain arrows to the page", () => {
    expect(commandFor({ ...key("å", { alt: true, ctrl: true }), code: "KeyA" }, "rtl")).toEqual({
      type: "annotate",
    });
    expect(commandFor(key("ArrowLeft"), "rtl")).toBeNull();
    expect(commandFor(key("ArrowLeft", { alt: true, ctrl: true }), "rtl")).toBeNull();
  });
});
