import MarkdownIt from "markdown-it";
import { type BodyConversion, bodyFromHtml } from "./body-from-html";

// Markdown bodies (Hypothesis stores its comments as Markdown) become HTML with markdown-it,
// then our comment JSON through the same allow-list as any HTML. Raw HTML inside the Markdown
// is let through to that converter, which keeps only what it knows; single line breaks are
// line breaks, as Hypothesis renders them.
const markdown = new MarkdownIt({ html: true, linkify: true, breaks: true });

/** Our comment body from Markdown (null body when nothing visible remains). */
export function bodyFromMarkdown(source: string): BodyConversion {
  return bodyFromHtml(markdown.render(source));
}
