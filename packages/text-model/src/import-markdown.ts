import {
  type Block,
  type TextDocument,
  decodeSource,
  documentFromBlocks,
  isBlank,
  splitLines,
} from "./blocks";
import { stripInline } from "./markdown-inline";

/**
 * Imports Markdown into blocks: ATX and setext headings, paragraphs, list items (bulleted or
 * numbered, with nesting depth), blockquotes (each inner paragraph one block) and fenced or
 * indented code blocks. Inline markup is stripped to its visible text; thematic breaks, raw
 * HTML tags and link reference definitions leave no text. A focused CommonMark block splitter,
 * not the full spec (no tables, no HTML blocks as such). Throws like {@link importPlainText}.
 */
export function importMarkdown(input: string | Uint8Array): TextDocument {
  const lines = splitLines(decodeSource(input)).map(expandTabs);
  const splitter = new BlockSplitter();
  for (const line of lines) splitter.line(line);
  return documentFromBlocks(splitter.finish());
}

type Container =
  | { type: "paragraph" }
  | { type: "blockquote" }
  | { type: "list_item"; ordered: boolean; depth: number };

interface OpenFence {
  char: "`" | "~";
  length: number;
  indent: number;
  language: string | null;
  lines: string[];
  quoted: boolean;
}

const atxHeading = /^ {0,3}(#{1,6})(?:[ ]+(.*?))?(?:[ ]+#+)?[ ]*$/;
const thematicBreak = /^ {0,3}([-*_])(?:[ ]*\1){2,}[ ]*$/;
const setextUnderline = /^ {0,3}(=+|-+)[ ]*$/;
const fenceOpen = /^( {0,3})(`{3,}|~{3,})[ ]*([^`\s]*)[^`]*$/;
const listMarker = /^( *)([-+*]|\d{1,9}[.)])( +|$)/;
const blockquoteMarker = /^ {0,3}> ?/;
const linkDefinition = /^ {0,3}\[[^\]]+\]:\s*\S+(\s+("[^"]*"|'[^']*'|\([^)]*\)))?\s*$/;

class BlockSplitter {
  private readonly blocks: Block[] = [];
  private paragraph: string[] = [];
  private container: Container = { type: "paragraph" };
  private fence: OpenFence | null = null;
  private indented: string[] | null = null;
  /** Content indents of the open list items, outermost first. */
  private listIndents: number[] = [];
  private lastBlank = false;

  line(raw: string): void {
    let line = raw;
    let quoted = false;
    if (this.fence) {
      if (this.fence.quoted) line = line.replace(blockquoteMarker, "");
      if (this.closesFence(line)) {
        this.emitCode(this.fence.lines.join("\n"), this.fence.language);
        this.fence = null;
      } else {
        this.fence.lines.push(stripIndent(line, this.fence.indent));
      }
      return;
    }
    while (blockquoteMarker.test(line)) {
      line = line.replace(blockquoteMarker, "");
      quoted = true;
    }
    // A quote interrupts an open paragraph outside it (the reverse is a lazy continuation).
    if (quoted && this.paragraph.length > 0 && this.container.type !== "blockquote") {
      this.flushParagraph();
    }
    const blank = line.trim() === "";
    if (this.indented) {
      if (blank || /^ {4}/.test(line)) {
        this.indented.push(line.slice(4));
        return;
      }
      this.flushIndented();
    }
    if (blank) {
      this.flushParagraph();
      this.lastBlank = true;
      if (quoted) this.container = { type: "blockquote" };
      return;
    }
    const wasBlank = this.lastBlank;
    this.lastBlank = false;

    const fence = fenceOpen.exec(line);
    if (fence) {
      this.flushParagraph();
      const marker = fence[2]!;
      this.fence = {
        char: marker[0] as "`" | "~",
        length: marker.length,
        indent: fence[1]!.length,
        language: fence[3] ? stripInline(fence[3]) : null,
        lines: [],
        quoted,
      };
      return;
    }
    const inList = this.listIndents.length > 0;
    const deepest = this.listIndents[this.listIndents.length - 1] ?? 0;
    if (
      !quoted &&
      this.paragraph.length === 0 &&
      /^ {4}/.test(line) &&
      !(inList && leadingSpaces(line) >= deepest)
    ) {
      this.indented = [line.slice(4)];
      return;
    }
    const heading = atxHeading.exec(line);
    if (heading) {
      this.flushParagraph();
      const level = heading[1]!.length as 1 | 2 | 3 | 4 | 5 | 6;
      this.emit({ type: "heading", level, text: stripInline(heading[2] ?? "") });
      return;
    }
    const underline = setextUnderline.exec(line);
    if (underline && this.paragraph.length > 0 && this.container.type === "paragraph" && !quoted) {
      const level = underline[1]!.startsWith("=") ? 1 : 2;
      const text = stripInline(this.paragraph.join("\n")).replace(/\s*\n\s*/g, " ");
      this.emit({ type: "heading", level, text });
      this.paragraph = [];
      return;
    }
    if (thematicBreak.test(line)) {
      this.flushParagraph();
      this.listIndents = [];
      return;
    }
    const item = listMarker.exec(line);
    if (item && !this.continuesParagraph(item)) {
      this.flushParagraph();
      const indent = item[1]!.length;
      while (
        this.listIndents.length > 0 &&
        indent < this.listIndents[this.listIndents.length - 1]!
      ) {
        this.listIndents.pop();
      }
      const contentIndent = indent + item[2]!.length + Math.max(1, Math.min(item[3]!.length, 4));
      const depth = this.listIndents.length;
      this.listIndents.push(contentIndent);
      this.container = { type: "list_item", ordered: /\d/.test(item[2]!), depth };
      this.paragraph.push(line.slice(indent + item[2]!.length));
      return;
    }
    if (this.paragraph.length === 0 && linkDefinition.test(line)) return;

    if (this.paragraph.length === 0) {
      // A new paragraph: inside a list only when indented under the item, else back to top level.
      if (inList && wasBlank && leadingSpaces(line) < deepest) this.listIndents = [];
      this.container = quoted ? { type: "blockquote" } : { type: "paragraph" };
    }
    // Otherwise a continuation line, lazy or not: it joins the open paragraph.
    this.paragraph.push(line);
  }

  finish(): Block[] {
    if (this.fence) this.emitCode(this.fence.lines.join("\n"), this.fence.language);
    this.fence = null;
    this.flushIndented();
    this.flushParagraph();
    return this.blocks;
  }

  /**
   * CommonMark: an empty item, or a numbered one not starting at 1, cannot interrupt a paragraph
   * outside a list — so a hard-wrapped line that begins "1918." stays in its paragraph.
   */
  private continuesParagraph(item: RegExpExecArray): boolean {
    if (this.paragraph.length === 0) return false;
    if (item[3] === "") return true;
    const number = /^\d+/.exec(item[2]!);
    return number !== null && Number(number[0]) !== 1 && this.container.type !== "list_item";
  }

  private closesFence(line: string): boolean {
    const fence = this.fence!;
    const close = /^ {0,3}(`{3,}|~{3,})[ ]*$/.exec(line);
    return close !== null && close[1]![0] === fence.char && close[1]!.length >= fence.length;
  }

  private flushParagraph(): void {
    if (this.paragraph.length === 0) return;
    // Hard breaks (two trailing spaces or a backslash) and soft breaks both read as a space.
    const joined = this.paragraph.map((l) => l.replace(/\\$/, "")).join("\n");
    const text = stripInline(joined).replace(/\s*\n\s*/g, " ");
    const c = this.container;
    if (c.type === "list_item") {
      this.emit({ type: "list_item", ordered: c.ordered, depth: c.depth, text });
      this.container = { type: "paragraph" };
    } else if (c.type === "blockquote") {
      this.emit({ type: "blockquote", text });
    } else {
      this.emit({ type: "paragraph", text });
    }
    this.paragraph = [];
  }

  private flushIndented(): void {
    if (!this.indented) return;
    const lines = this.indented;
    while (lines.length > 0 && lines[lines.length - 1]!.trim() === "") lines.pop();
    this.emitCode(lines.join("\n"), null);
    this.indented = null;
  }

  private emitCode(text: string, language: string | null): void {
    if (text.trim() !== "") this.emit({ type: "code", language, text });
  }

  private emit(block: Block): void {
    const text =
      block.type === "code" ? block.text.normalize("NFC") : block.text.trim().normalize("NFC");
    if (!isBlank(text)) this.blocks.push({ ...block, text });
  }
}

function expandTabs(line: string): string {
  if (!line.includes("\t")) return line;
  let out = "";
  for (const c of line) out += c === "\t" ? " ".repeat(4 - (out.length % 4)) : c;
  return out;
}

function leadingSpaces(line: string): number {
  return line.length - line.trimStart().length;
}

function stripIndent(line: string, indent: number): string {
  const spaces = Math.min(indent, leadingSpaces(line));
  return line.slice(spaces);
}
