import { presenceSelectionColour } from "@hashiya/annotation-schema";
import type { CollabUser } from "./schemas";

/**
 * Other people's selections, painted with the CSS Custom Highlight API: ranges over the
 * unchanged text nodes, so no element is ever inserted into the text and Arabic letters stay
 * joined across a selection's edge (DESIGN.md decision 5). One Highlight per user and layer
 * (the text's presence, the shared notes), registered as `hashiya-<layer>-<user id>`, coloured
 * by a generated `::highlight()` rule in one <style> element.
 */

export type HighlightLayer = "presence" | "notes";

const STYLE_ELEMENT_ID = "hashiya-collab-highlights";

/** Under the reader's own annotation highlights (which may use higher priorities). */
const PRIORITY = -1;

function supported(): boolean {
  return typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight !== "undefined";
}

/** The registered name of a user's highlight on a layer (a valid CSS identifier). */
export function highlightName(layer: HighlightLayer, userId: string): string {
  return `hashiya-${layer}-${userId.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

const rules = new Map<string, string>();

/** Writes (or rewrites) the colour rule of one highlight (the colour is one of the palette). */
function ensureRule(name: string, colour: CollabUser["colour"]): void {
  const rule = `::highlight(${name}) { background-color: ${presenceSelectionColour(colour)}; }`;
  if (rules.get(name) === rule) return;
  rules.set(name, rule);
  let style = document.getElementById(STYLE_ELEMENT_ID) as HTMLStyleElement | null;
  if (!style) {
    style = document.createElement("style");
    style.id = STYLE_ELEMENT_ID;
    document.head.append(style);
  }
  style.textContent = Array.from(rules.values()).join("\n");
}

/**
 * Replaces everything painted on `layer` with the given ranges, grouped per user. Users no
 * longer listed lose their highlight; a user with several tabs gets all their ranges in one.
 */
export function paintLayer(
  layer: HighlightLayer,
  entries: readonly { user: CollabUser; ranges: readonly Range[] }[],
): void {
  if (!supported()) return;
  const prefix = `hashiya-${layer}-`;
  const painted = new Map<string, { user: CollabUser; ranges: Range[] }>();
  for (const { user, ranges } of entries) {
    const name = highlightName(layer, user.id);
    const entry = painted.get(name) ?? { user, ranges: [] };
    entry.ranges.push(...ranges.filter((range) => !range.collapsed));
    painted.set(name, entry);
  }
  for (const name of Array.from(CSS.highlights.keys())) {
    if (name.startsWith(prefix) && !painted.get(name)?.ranges.length) CSS.highlights.delete(name);
  }
  for (const [name, { user, ranges }] of painted) {
    if (ranges.length === 0) continue;
    ensureRule(name, user.colour);
    const highlight = new Highlight(...ranges);
    highlight.priority = PRIORITY;
    CSS.highlights.set(name, highlight);
  }
}

/** Removes everything painted on a layer (its component unmounted). */
export function clearLayer(layer: HighlightLayer): void {
  paintLayer(layer, []);
}
