import { isValidTag, MAX_TAGS_PER_ANNOTATION, normaliseTag, TAG_MAX_CHARS } from "../tags";
import type {
  ImportBatch,
  ImportedAnnotation,
  ImportedModeration,
  ImportedReply,
  ImportResult,
} from "./import-shape";
import { type ImportProblem, itemProblem } from "./import-problems";

// The part of every importer after each item is read: ids checked once, replies hung on their
// thread's annotation (following replies to replies), decisions tied to what they are about.

/** One item as a format's reader returns it. */
export type ReadItem =
  | { kind: "annotation"; annotation: Omit<ImportedAnnotation, "replies"> }
  | { kind: "reply"; reply: ImportedReply }
  | { kind: "moderation"; moderation: ImportedModeration };

/** Most items one file may hold. */
export const MAX_IMPORT_ITEMS = 100_000;

const itemOf = (read: ReadItem) =>
  read.kind === "annotation"
    ? read.annotation
    : read.kind === "reply"
      ? read.reply
      : read.moderation;

/**
 * Puts the read items together: refuses the file when ids repeat or replies loop (adding to
 * `problems`), leaves out (with a warning) replies and decisions about items not in the file.
 */
export function assemble(
  format: ImportBatch["format"],
  items: readonly ReadItem[],
  problems: ImportProblem[],
  warnings: ImportProblem[],
): ImportResult {
  const byId = new Map<string, ReadItem>();
  for (const read of items) {
    const item = itemOf(read);
    const other = byId.get(item.externalId);
    if (other)
      problems.push(
        itemProblem("import.duplicate_id", item.item, {
          id: item.externalId,
          other: itemOf(other).item,
        }),
      );
    else byId.set(item.externalId, read);
  }

  const annotations = new Map<string, ImportedAnnotation>();
  for (const read of items)
    if (read.kind === "annotation" && byId.get(read.annotation.externalId) === read)
      annotations.set(read.annotation.externalId, { ...read.annotation, replies: [] });

  /** The annotation a reply's chain leads to; `missing` (the id not found) or "loop". */
  type Root = ImportedAnnotation | { missing: string } | "loop";
  const roots = new Map<string, Root>();
  const rootOf = (reply: ImportedReply): Root => {
    const chain = new Set([reply.externalId]);
    let parent = reply.inReplyTo;
    let root: Root;
    for (;;) {
      const known = roots.get(parent);
      if (known) {
        root = known;
        break;
      }
      if (chain.has(parent)) {
        root = "loop";
        break;
      }
      const found = byId.get(parent);
      if (!found || found.kind === "moderation") {
        root = { missing: parent };
        break;
      }
      if (found.kind === "annotation") {
        root = annotations.get(parent)!;
        break;
      }
      chain.add(parent);
      parent = found.reply.inReplyTo;
    }
    // Every reply on the way has the same root: long chains are walked once.
    for (const id of chain) roots.set(id, root);
    return root;
  };
  const isAnnotation = (root: Root): root is ImportedAnnotation =>
    root !== "loop" && !("missing" in root);

  for (const read of items) {
    if (read.kind !== "reply" || byId.get(read.reply.externalId) !== read) continue;
    const root = rootOf(read.reply);
    if (root === "loop") problems.push(itemProblem("import.reply_loop", read.reply.item));
    else if (!isAnnotation(root))
      warnings.push(
        itemProblem("import.parent_missing", read.reply.item, { target: root.missing }),
      );
    else root.replies.push(read.reply);
  }
  for (const annotation of annotations.values()) annotation.replies.sort(byCreation);

  const moderations: ImportedModeration[] = [];
  for (const read of items) {
    if (read.kind !== "moderation") continue;
    const subject = byId.get(read.moderation.subject);
    const known =
      subject?.kind === "annotation" ||
      (subject?.kind === "reply" && isAnnotation(rootOf(subject.reply)));
    if (known) moderations.push(read.moderation);
    else
      warnings.push(
        itemProblem("import.subject_missing", read.moderation.item, {
          target: read.moderation.subject || "—",
        }),
      );
  }

  if (problems.length > 0) return { ok: false, problems: sortByItem(problems) };
  return {
    ok: true,
    batch: {
      format,
      annotations: [...annotations.values()],
      moderations,
      warnings: sortByItem(warnings),
    },
  };
}

/** Creation time first (unknown times last), then file order. */
function byCreation(a: ImportedReply, b: ImportedReply): number {
  const ta = a.created?.getTime() ?? Number.POSITIVE_INFINITY;
  const tb = b.created?.getTime() ?? Number.POSITIVE_INFINITY;
  return ta === tb ? a.item - b.item : ta - tb;
}

function sortByItem(list: ImportProblem[]): ImportProblem[] {
  return list.sort((a, b) => (a.item ?? 0) - (b.item ?? 0));
}

/** Tags as we store them (normalised, valid, deduplicated, the first ten) and how many were dropped. */
export function importTags(raw: readonly string[]): { tags: string[]; dropped: number } {
  const tags: string[] = [];
  let dropped = 0;
  for (const value of raw) {
    if (value.length > TAG_MAX_CHARS * 8) {
      dropped++;
      continue;
    }
    const tag = normaliseTag(value);
    // A blank tag carries nothing: skipped without a word.
    if (tag === "" || tags.includes(tag)) continue;
    if (!isValidTag(tag) || tags.length >= MAX_TAGS_PER_ANNOTATION) dropped++;
    else tags.push(tag);
  }
  return { tags, dropped };
}
