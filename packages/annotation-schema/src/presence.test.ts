import { describe, expect, it } from "vitest";
import {
  notesPresenceStateSchema,
  PRESENCE_COLOURS,
  PRESENCE_SELECTION_ALPHA,
  presenceColour,
  presenceSelectionColour,
  presenceStateSchema,
  presenceUserSchema,
} from "./presence";

// WCAG 2 relative luminance and contrast, and CIE76 ΔE, to check the palette's promises.
function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}
function linear(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}
function luminance([r, g, b]: [number, number, number]): number {
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}
function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
function overWhite(colour: [number, number, number], alpha: number): [number, number, number] {
  return colour.map((c) => Math.round(alpha * c + (1 - alpha) * 255)) as [number, number, number];
}
function lab([r, g, b]: [number, number, number]): [number, number, number] {
  const [lr, lg, lb] = [linear(r), linear(g), linear(b)];
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * lr + 0.3576 * lg + 0.1805 * lb) / 0.95047);
  const y = f(0.2126 * lr + 0.7152 * lg + 0.0722 * lb);
  const z = f((0.0193 * lr + 0.1192 * lg + 0.9505 * lb) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

const WHITE: [number, number, number] = [255, 255, 255];
const BODY_TEXT: [number, number, number] = rgb("#1f2937");

describe("presence colours", () => {
  it("are twelve distinct hex colours", () => {
    expect(PRESENCE_COLOURS).toHaveLength(12);
    expect(new Set(PRESENCE_COLOURS).size).toBe(12);
    for (const c of PRESENCE_COLOURS) expect(c).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("show a 2px caret and white label text on a light page (≥ 4.5:1 on white)", () => {
    for (const c of PRESENCE_COLOURS)
      expect(contrast(rgb(c), WHITE), c).toBeGreaterThanOrEqual(4.5);
  });

  it("leave text readable under a translucent selection (≥ 7:1)", () => {
    for (const c of PRESENCE_COLOURS) {
      expect(
        contrast(overWhite(rgb(c), PRESENCE_SELECTION_ALPHA), BODY_TEXT),
        c,
      ).toBeGreaterThanOrEqual(7);
    }
    expect(presenceSelectionColour("#c62828")).toBe("#c6282840");
  });

  it("are far enough apart to tell two readers apart (ΔE ≥ 15)", () => {
    for (const [i, a] of PRESENCE_COLOURS.entries()) {
      for (const b of PRESENCE_COLOURS.slice(i + 1)) {
        const [la, lb] = [lab(rgb(a)), lab(rgb(b))];
        expect(
          Math.hypot(la[0] - lb[0], la[1] - lb[1], la[2] - lb[2]),
          `${a} ${b}`,
        ).toBeGreaterThanOrEqual(15);
      }
    }
  });
});

describe("presenceColour", () => {
  it("is deterministic and always from the palette", () => {
    for (const id of ["cm5abc", "", "سارة", "😀", "x".repeat(200)]) {
      expect(presenceColour(id)).toBe(presenceColour(id));
      expect(PRESENCE_COLOURS).toContain(presenceColour(id));
    }
    // Pinned, so that a change of hash (which would recolour every user) is deliberate.
    expect(["cm5user01", "cm5user02", "cm5user03"].map(presenceColour)).toMatchInlineSnapshot(`
      [
        "#4338ca",
        "#0f766e",
        "#0e7490",
      ]
    `);
  });

  it("spreads ids evenly over the palette", () => {
    const counts = new Map<string, number>();
    const n = 12_000;
    for (let i = 0; i < n; i++) {
      const colour = presenceColour(`cm${(i * 7919).toString(36)}user`);
      counts.set(colour, (counts.get(colour) ?? 0) + 1);
    }
    expect(counts.size).toBe(12);
    for (const count of counts.values()) expect(Math.abs(count - n / 12)).toBeLessThan(n / 12 / 4);
  });
});

describe("presence schemas", () => {
  const user = { id: "u1", name: "سارة", colour: presenceColour("u1") };

  it("accept a text document's state, with a selection or a caret or none", () => {
    for (const selection of [{ start: 3, end: 9 }, { start: 4, end: 4 }, null]) {
      expect(presenceStateSchema.parse({ user, selection })).toEqual({ user, selection });
    }
  });

  it("refuse colours outside the palette, an inverted selection and a missing user", () => {
    expect(presenceUserSchema.safeParse({ ...user, colour: "#ffff00" }).success).toBe(false);
    expect(presenceUserSchema.safeParse({ ...user, name: "" }).success).toBe(false);
    expect(presenceStateSchema.safeParse({ user, selection: { start: 9, end: 3 } }).success).toBe(
      false,
    );
    expect(presenceStateSchema.safeParse({ user, selection: { start: -1, end: 3 } }).success).toBe(
      false,
    );
    expect(presenceStateSchema.safeParse({ selection: null }).success).toBe(false);
  });

  it("let Tiptap's caret read `color`, as long as it repeats `colour`", () => {
    expect(presenceUserSchema.parse({ ...user, color: user.colour })).toEqual({
      ...user,
      color: user.colour,
    });
    const other = PRESENCE_COLOURS.find((c) => c !== user.colour);
    expect(presenceUserSchema.safeParse({ ...user, color: other }).success).toBe(false);
  });

  it("let y-prosemirror's cursor field through a notes document's state", () => {
    const state = { user, cursor: { anchor: { type: null }, head: { type: null } } };
    expect(notesPresenceStateSchema.safeParse(state).success).toBe(true);
  });
});
