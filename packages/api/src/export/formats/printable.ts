import { bodyToHtml } from "@hashiya/annotation-schema";
import { type ExportItem, writerName } from "../items";
import type { ExportText } from "../items";
import type { ExportContext, ExportFormat, ExportWriter } from "./format";
import { type Marker, renderParagraphs } from "./markers";

// The printable annotated reader, as HTML (with a print style sheet) and as Markdown: each text
// with numbered markers around its passages (see markers.ts: never inside a word), then its
// threads by number. Texts come in the order the batches do; a text without threads still prints.

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `body{font-family:"Noto Naskh Arabic","Amiri",serif;line-height:1.9;max-width:42rem;margin:2rem auto;padding:0 1rem}
.text p{margin:0 0 .8em}
sup.m{font-family:system-ui,sans-serif;font-size:.7em;color:#7a3e00;unicode-bidi:isolate}
sup.m.open::before{content:"["}sup.m.close::after{content:"]"}
.thread{border-top:1px solid #ccc;padding:.5em 0;break-inside:avoid}
.reply{margin-inline-start:1.5em;border-inline-start:2px solid #ddd;padding-inline-start:.6em}
.meta{font-size:.85em;color:#555}.mod{color:#a00;font-weight:bold}
blockquote{margin:.3em 0;color:#333}
@media print{body{margin:0;max-width:none;font-size:11pt}a{color:inherit}.thread{page-break-inside:avoid}h2{page-break-before:always}h2:first-of-type{page-break-before:auto}}`;

interface Flavour {
  head(context: ExportContext): string;
  text(text: ExportText, paragraphs: string[]): string;
  textEnd(): string;
  marker(marker: Marker): string;
  escape(s: string): string;
  item(item: ExportItem, number: number | undefined, context: ExportContext): string;
  tail(): string;
}

function writer(context: ExportContext, flavour: Flavour): ExportWriter {
  const texts = context.scope.texts.map(({ text }) => text);
  let current = -1;
  // Writes the texts up to (and opens) the one with `textId`; all the rest for null.
  const advanceTo = (textId: string | null): string => {
    let out = "";
    while (texts[current]?.id !== textId && current + 1 < texts.length) {
      if (current >= 0) out += flavour.textEnd();
      current++;
      const text = texts[current] as ExportText;
      const anchors = context.numbering?.anchors.get(text.id) ?? [];
      const paragraphs = renderParagraphs(text.codePoints, anchors, flavour.escape, flavour.marker);
      out += flavour.text(text, paragraphs);
    }
    return out;
  };
  return {
    head: () => flavour.head(context),
    batch(items) {
      let out = "";
      for (const item of items) {
        out += advanceTo(item.textId);
        out += flavour.item(item, context.numbering?.numbers.get(item.threadId), context);
      }
      return out;
    },
    tail() {
      let out = advanceTo(null);
      if (current >= 0) out += flavour.textEnd();
      return out + flavour.tail();
    },
  };
}

const modLabel = (item: ExportItem) =>
  item.moderation
    ? `${item.moderation.state}${item.moderation.reason ? `: ${item.moderation.reason}` : ""}`
    : "";

const html: Flavour = {
  head: ({ scope }) =>
    `<!doctype html><html lang="${escapeHtml(scope.texts[0]?.text.language ?? "ar")}" dir="${scope.texts[0]?.text.direction ?? "rtl"}"><head><meta charset="utf-8"><title>${escapeHtml(scope.title)}</title><style>${STYLE}</style></head><body><h1>${escapeHtml(scope.title)}</h1>`,
  text: (text, paragraphs) =>
    `<section lang="${escapeHtml(text.language)}" dir="${text.direction}"><h2>${escapeHtml(text.title)}</h2><div class="text">${paragraphs.map((p) => `<p>${p}</p>`).join("")}</div><div class="threads">`,
  textEnd: () => "</div></section>",
  marker: (m) => `<sup class="m ${m.kind}" dir="ltr">${m.number}</sup>`,
  escape: escapeHtml,
  item(item, number) {
    const meta = `<div class="meta"><bdi>${escapeHtml(writerName(item))}</bdi>${item.role ? ` (${item.role})` : ""} · <time>${item.createdAt.toISOString()}</time>${item.isQuestion ? " · ?" : ""}${item.tags.length ? ` · ${item.tags.map((t) => `#${escapeHtml(t)}`).join(" ")}` : ""}${item.moderation ? ` · <span class="mod">${escapeHtml(modLabel(item))}</span>` : ""}</div>`;
    const body = item.body ? bodyToHtml(item.body) : "";
    if (item.kind === "reply")
      return `<div class="reply" id="r-${escapeHtml(item.id)}">${meta}${body}</div>`;
    return `<article class="thread" id="t-${escapeHtml(item.id)}"><h3>${number ?? ""}</h3><blockquote>${escapeHtml(item.quote.exact)}</blockquote>${meta}${body}</article>`;
  },
  tail: () => "</body></html>\n",
};

const escapeMd = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, "\\$1");

const markdown: Flavour = {
  head: ({ scope }) => `# ${escapeMd(scope.title)}\n\n`,
  text: (text, paragraphs) =>
    `## ${escapeMd(text.title)}\n\n${paragraphs.filter((p) => p !== "").join("\n\n")}\n\n### Threads — النقاشات\n\n`,
  textEnd: () => "",
  marker: (m) => (m.kind === "open" ? `⟨${m.number}⟩` : `⟨/${m.number}⟩`),
  escape: escapeMd,
  item(item, number) {
    const who = `${escapeMd(writerName(item))}${item.role ? ` (${item.role})` : ""}, ${item.createdAt.toISOString()}`;
    const extra = `${item.tags.length ? ` — ${item.tags.map((t) => `#${escapeMd(t)}`).join(" ")}` : ""}${item.moderation ? ` — **${escapeMd(modLabel(item))}**` : ""}`;
    const body = item.bodyText
      .split("\n")
      .map((line) => escapeMd(line))
      .join(item.kind === "reply" ? "\n  > " : "\n> ");
    if (item.kind === "reply") return `- ${who}${extra}\n  > ${body}\n\n`;
    return `**${number ?? ""}.** «${escapeMd(item.quote.exact)}»${item.isQuestion ? " (?)" : ""}\n\n${who}${extra}\n\n> ${body}\n\n`;
  },
  tail: () => "",
};

export const htmlFormat: ExportFormat = {
  contentType: "text/html; charset=utf-8",
  extension: "html",
  order: "reading",
  create: (context) => writer(context, html),
};

export const markdownFormat: ExportFormat = {
  contentType: "text/markdown; charset=utf-8",
  extension: "md",
  order: "reading",
  create: (context) => writer(context, markdown),
};
