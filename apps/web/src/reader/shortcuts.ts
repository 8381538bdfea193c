import type { Unit } from "./caret-moves";

export type ReaderCommand =
  | { type: "step"; unit: Unit; forward: boolean; extend: boolean }
  | { type: "annotate" }
  | { type: "clear" };

/** The keys the reader answers, as the help text lists them (see messages: reader.keys). */
export interface KeyLike {
  key: string;
  code: string;
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/**
 * The reader's keyboard commands, with the text's direction: in a right-to-left text the
 * left arrow goes forward (the next word in reading order), as a caret does in an editor.
 * Alt keeps the page's own arrow and Page keys (scrolling) untouched; Shift extends.
 * Alt+←/→ word, Alt+↑/↓ sentence, Alt+PageUp/PageDown paragraph, Ctrl/⌘+Alt+A annotate.
 */
export function commandFor(event: KeyLike, direction: "rtl" | "ltr"): ReaderCommand | null {
  // The physical key, so that Alt (Option on a Mac) producing another character still counts.
  if (event.altKey && (event.ctrlKey || event.metaKey) && event.code === "KeyA") {
    return { type: "annotate" };
  }
  if (event.key === "Escape" && !event.altKey && !event.ctrlKey && !event.metaKey) {
    return { type: "clear" };
  }
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  const extend = event.shiftKey;
  switch (event.key) {
    case "ArrowLeft":
    case "ArrowRight": {
      const towardsRight = event.key === "ArrowRight";
      return {
        type: "step",
        unit: "word",
        forward: towardsRight === (direction === "ltr"),
        extend,
      };
    }
    case "ArrowUp":
    case "ArrowDown":
      return { type: "step", unit: "sentence", forward: event.key === "ArrowDown", extend };
    case "PageUp":
    case "PageDown":
      return { type: "step", unit: "paragraph", forward: event.key === "PageDown", extend };
    default:
      return null;
  }
}
