import {
  ANNO_MEDIA_TYPE,
  annotationToW3c,
  jsonAroundItems,
  moderationToW3c,
  replyToW3c,
  textIris,
  toW3cCollection,
  toW3cPage,
} from "@hashiya/annotation-schema/w3c";
import { type ExportItem, nameOf } from "../items";
import type { ExportFormat } from "./format";

// A W3C AnnotationCollection with its page embedded, written around the page's items
// (`jsonAroundItems`): annotations as `commenting`/`questioning` with their tags, replies as
// `replying`, every one passing the model's MUST assertions (see export tests).

/** One exported item as a W3C annotation (embedded: no `@context`); the protocol serves the same. */
export function exportItemToW3c(
  item: ExportItem,
  baseUrl: string,
  text: { language: string; direction: "rtl" | "ltr" },
) {
  const iris = textIris(baseUrl, item.textId);
  // An imported item's original writer is who wrote it, not the instructor standing in.
  const author = item.importedAuthorName
    ? { id: "", name: item.importedAuthorName, external: true }
    : { id: item.author.id, name: nameOf(item.author) };
  if (item.kind === "reply")
    return replyToW3c(
      {
        id: item.id,
        annotationId: item.threadId,
        author,
        body: item.body,
        createdAt: item.createdAt,
        editedAt: item.editedAt,
      },
      { iris, embedded: true },
    );
  return annotationToW3c(
    {
      id: item.id,
      author,
      quote: { type: "TextQuoteSelector", ...item.quote },
      position:
        item.anchorState === "orphaned" || item.end <= item.start
          ? null
          : { type: "TextPositionSelector", start: item.start, end: item.end },
      body: item.body,
      isQuestion: item.isQuestion,
      visibility: item.visibility,
      tags: item.tags,
      createdAt: item.createdAt,
      editedAt: item.editedAt,
    },
    { iri: iris.text, language: text.language, direction: text.direction },
    { iris, embedded: true },
  );
}

export const w3cFormat: ExportFormat = {
  contentType: `${ANNO_MEDIA_TYPE}`,
  extension: "jsonld",
  order: "id",
  carriesModeration: true,
  create({ scope, baseUrl, total, exportedAt }) {
    const base = baseUrl.replace(/\/+$/, "");
    const id = `${base}/api/export/${scope.kind}s/${encodeURIComponent(scope.id)}?format=w3c`;
    const page = toW3cPage({ id: `${id}&page=0`, startIndex: 0, items: [] });
    const { open, close } = jsonAroundItems(
      toW3cCollection({ id, label: scope.title, total, first: page, modified: exportedAt }),
    );
    const texts = new Map(scope.texts.map(({ text }) => [text.id, text]));
    let first = true;
    return {
      head: () => open,
      batch(items) {
        const parts = items.map((item) =>
          JSON.stringify(
            exportItemToW3c(
              item,
              base,
              texts.get(item.textId) ?? { language: "ar", direction: "rtl" },
            ),
          ),
        );
        const text = (first ? "" : ",") + parts.join(",");
        first = false;
        return text;
      },
      moderation(entries) {
        const parts = entries.map(({ textId, record }) =>
          JSON.stringify(moderationToW3c(record, { iris: textIris(base, textId), embedded: true })),
        );
        const text = (first ? "" : ",") + parts.join(",");
        first = false;
        return text;
      },
      tail: () => close,
    };
  },
};
