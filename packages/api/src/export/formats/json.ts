import {
  type ExportItemJson,
  HASHIYA_EXPORT_FORMAT,
  HASHIYA_EXPORT_VERSION,
  type HashiyaExport,
} from "@hashiya/annotation-schema";
import type { ExportItem } from "../items";
import type { ExportFormat } from "./format";

// Our own versioned JSON (`hashiyaExportSchema` in annotation-schema), written as a stream: the
// document up to `"items":[`, the items comma-separated, then `]}`.

export function itemJson(item: ExportItem): ExportItemJson {
  const alias = item.author.alias?.kind;
  return {
    kind: item.kind,
    id: item.id,
    threadId: item.threadId,
    textId: item.textId,
    author: {
      id: item.author.id,
      name: item.author.name,
      role: item.role,
      ...(alias && { alias }),
      ...(item.importedAuthorName && { importedAuthorName: item.importedAuthorName }),
    },
    created: item.createdAt.toISOString(),
    modified: item.editedAt?.toISOString() ?? null,
    visibility: item.visibility,
    ...(item.moderation && {
      moderation: { state: item.moderation.state, reason: item.moderation.reason },
    }),
    isQuestion: item.isQuestion,
    tags: item.tags,
    reactions: item.reactions.map(({ kind, count }) => ({ kind, count })),
    quote: item.quote,
    start: item.start,
    end: item.end,
    anchorState: item.anchorState as ExportItemJson["anchorState"],
    body: item.body,
    bodyText: item.bodyText,
  };
}

export const jsonFormat: ExportFormat = {
  contentType: "application/json; charset=utf-8",
  extension: "json",
  order: "id",
  create({ scope, exportedAt }) {
    const document: Omit<HashiyaExport, "items"> = {
      format: HASHIYA_EXPORT_FORMAT,
      version: HASHIYA_EXPORT_VERSION,
      exportedAt: exportedAt.toISOString(),
      scope: { kind: scope.kind, id: scope.id, title: scope.title, ownWorkOnly: !scope.staff },
      texts: scope.texts.map(({ text }) => ({
        id: text.id,
        title: text.title,
        language: text.language,
        direction: text.direction,
      })),
    };
    let first = true;
    return {
      head: () => `${JSON.stringify(document).slice(0, -1)},"items":[`,
      batch(items) {
        const parts = items.map((item) => JSON.stringify(itemJson(item)));
        const text = (first ? "" : ",") + parts.join(",");
        first = false;
        return text;
      },
      tail: () => "]}",
    };
  },
};
