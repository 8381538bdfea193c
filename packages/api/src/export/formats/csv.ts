import { stringify } from "csv-stringify/sync";
import { type ExportItem, writerName } from "../items";
import type { ExportFormat } from "./format";

// One row per annotation or reply, for grading in a spreadsheet. csv-stringify does the quoting
// (commas, quotes, new lines in bodies); Arabic passes through as UTF-8.

const COLUMNS = [
  "kind",
  "id",
  "thread_id",
  "text_id",
  "text_title",
  "author",
  "author_id",
  "role",
  "created",
  "modified",
  "visibility",
  "moderation_state",
  "moderation_reason",
  "question",
  "tags",
  "reactions",
  "quote",
  "prefix",
  "suffix",
  "start",
  "end",
  "anchor_state",
  "body",
];

const BOM = "\uFEFF";

function row(item: ExportItem, titles: ReadonlyMap<string, string>): string[] {
  return [
    item.kind,
    item.id,
    item.threadId,
    item.textId,
    titles.get(item.textId) ?? "",
    writerName(item),
    item.author.id,
    item.role,
    item.createdAt.toISOString(),
    item.editedAt?.toISOString() ?? "",
    item.visibility,
    item.moderation?.state ?? "visible",
    item.moderation?.reason ?? "",
    item.isQuestion ? "yes" : "",
    item.tags.join("; "),
    item.reactions.map((r) => `${r.kind}:${r.count}`).join("; "),
    item.quote.exact,
    item.quote.prefix,
    item.quote.suffix,
    String(item.start),
    String(item.end),
    item.anchorState,
    item.bodyText,
  ];
}

export const csvFormat: ExportFormat = {
  contentType: "text/csv; charset=utf-8",
  extension: "csv",
  order: "id",
  create(context) {
    const titles = new Map(context.scope.texts.map(({ text }) => [text.id, text.title]));
    return {
      head: () => (context.bom ? BOM : "") + stringify([COLUMNS]),
      batch: (items) => stringify(items.map((item) => row(item, titles))),
      tail: () => "",
    };
  },
};
