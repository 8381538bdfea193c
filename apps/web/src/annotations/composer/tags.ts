import { MAX_TAGS_PER_ANNOTATION } from "@hashiya/annotation-schema";

/**
 * Tags as typed in the composer: separated by commas, Latin or Arabic (،), each once, at most
 * the limit. The server still normalises them (NFC, case, spaces) and has the last word.
 */
export function parseTags(raw: string): string[] {
  const tags = raw
    .split(/[,،]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== "");
  return [...new Set(tags)].slice(0, MAX_TAGS_PER_ANNOTATION);
}
