import { TextModelError } from "./errors";

/** A paragraph of running text. */
export interface ParagraphBlock {
  type: "paragraph";
  text: string;
}
/** A heading, level 1 (`#`) to 6. */
export interface HeadingBlock {
  type: "heading";
  level: 1 | 2 | 3 | 4 | 5 | 6;
  text: string;
}
/** One item of a bulleted or numbered list; `depth` 0 is the outermost list. */
export interface ListItemBlock {
  type: "list_item";
  ordered: boolean;
  depth: number;
  text: string;
}
/** A paragraph inside a blockquote. */
export interface BlockquoteBlock {
  type: "blockquote";
  text: string;
}
/** A code block; its text keeps its own line breaks. */
export interface CodeBlock {
  type: "code";
  language: string | null;
  text: string;
}

/** A block of a text. Every block's `text` is NFC, never empty. */
export type Block = ParagraphBlock | HeadingBlock | ListItemBlock | BlockquoteBlock | CodeBlock;

/** An imported text: its blocks and the canonical string all positions refer to. */
export interface TextDocument {
  blocks: Block[];
  /** The blocks' text joined by one `\n` (see {@link canonicalText}). */
  text: string;
}

/** Largest accepted source, in UTF-8 bytes (2 MiB). */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;
/** Largest accepted source, in whitespace-separated words. */
export const MAX_TEXT_WORDS = 500_000;

/**
 * The canonical string of a text: each block's text in NFC, joined by a single `\n`.
 * Every stored position (selectors, anchors, exports) counts code points in this string.
 */
export function canonicalText(blocks: readonly Pick<Block, "text">[]): string {
  return blocks.map((block) => block.text.normalize("NFC")).join("\n");
}

/** Builds the document for already-normalised, non-empty blocks; refuses an empty text. */
export function documentFromBlocks(blocks: Block[]): TextDocument {
  if (blocks.length === 0) throw new TextModelError("text.empty");
  return { blocks, text: canonicalText(blocks) };
}

// Whitespace and the invisible controls (bidi marks and isolates, ZWSP/ZWNJ/ZWJ, word joiner,
// BOM): a line of only these shows nothing, so it is no paragraph and a text of only these is empty.
const invisible = /^[\s\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]*$/;

/** True when `text` would show nothing: only whitespace and invisible format controls. */
export function isBlank(text: string): boolean {
  return invisible.test(text);
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Turns importer input into a checked JS string: bytes are decoded as strict UTF-8 (a wrong
 * encoding is refused, never guessed), a leading BOM is dropped, and size limits are enforced
 * before any parsing work is done.
 */
export function decodeSource(input: string | Uint8Array): string {
  let source: string;
  if (typeof input === "string") {
    if (loneSurrogate.test(input)) throw new TextModelError("text.invalid_unicode");
    source = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    // Three UTF-8 bytes at most per UTF-16 unit: only measure exactly when it could matter.
    if (source.length * 3 > MAX_TEXT_BYTES) {
      const bytes = new TextEncoder().encode(source).length;
      if (bytes > MAX_TEXT_BYTES) throw new TextModelError("text.too_large", { bytes });
    }
  } else {
    if (input.byteLength > MAX_TEXT_BYTES) {
      throw new TextModelError("text.too_large", { bytes: input.byteLength });
    }
    try {
      source = new TextDecoder("utf-8", { fatal: true }).decode(input);
    } catch {
      throw new TextModelError("text.not_utf8");
    }
  }
  if (source.includes("\u0000")) throw new TextModelError("text.binary");
  if (isBlank(source)) throw new TextModelError("text.empty");
  const words = countWords(source);
  if (words > MAX_TEXT_WORDS) throw new TextModelError("text.too_many_words", { words });
  return source;
}

function countWords(source: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    const space = c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** Splits source text into lines on any Unicode line terminator. */
export function splitLines(source: string): string[] {
  return source.split(/\r\n|[\n\r\u0085\u2028\u2029]/);
}
