import {
  type ParagraphBlock,
  type TextDocument,
  decodeSource,
  documentFromBlocks,
  isBlank,
  splitLines,
} from "./blocks";

/**
 * Imports plain text: each non-empty line becomes a paragraph (trimmed, NFC); a line of only
 * whitespace or invisible controls counts as empty.
 * Accepts a string or raw bytes (strict UTF-8). Throws {@link TextModelError} with
 * `text.not_utf8`, `text.invalid_unicode`, `text.binary`, `text.empty`, `text.too_large` or
 * `text.too_many_words`.
 */
export function importPlainText(input: string | Uint8Array): TextDocument {
  const source = decodeSource(input);
  const blocks: ParagraphBlock[] = [];
  for (const line of splitLines(source)) {
    const text = line.trim().normalize("NFC");
    if (!isBlank(text)) blocks.push({ type: "paragraph", text });
  }
  return documentFromBlocks(blocks);
}
