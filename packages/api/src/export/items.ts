import {
  bodyToPlainText,
  type CommentBody,
  type ModerationMark,
  type PersonView,
  type ReactionSummary,
  type ThreadView,
  type Visibility,
} from "@hashiya/annotation-schema";

// One exported row: an annotation or a reply, as the exporter may see it (DESIGN "Deleting":
// nothing an author deleted; a moderator's hide or delete keeps the body for staff only, marked).

export interface ExportText {
  id: string;
  title: string;
  language: string;
  direction: "rtl" | "ltr";
  /** The canonical string, as code points (for the quote's context and the printable reader). */
  codePoints: string[];
}

export interface ExportItem {
  kind: "annotation" | "reply";
  id: string;
  threadId: string;
  textId: string;
  author: PersonView;
  /** Imported from another tool: who wrote it there (`author` is the importer standing in). */
  importedAuthorName?: string;
  /** The author's role in the course ("" when withheld or no longer a member). */
  role: string;
  createdAt: Date;
  editedAt: Date | null;
  visibility: Visibility;
  /** Absent when visible. */
  moderation?: ModerationMark;
  isQuestion: boolean;
  tags: string[];
  reactions: ReactionSummary[];
  /** The thread's passage (replies repeat their thread's), in code points of the text. */
  quote: { exact: string; prefix: string; suffix: string };
  start: number;
  end: number;
  anchorState: string;
  /** Null for a placeholder (a withheld item). */
  body: CommentBody | null;
  bodyText: string;
}

const CONTEXT_CHARS = 32;

/**
 * Each text's canonical string when every code point is one UTF-16 unit (most texts), else null:
 * its slices are then the code points' (an export slices two contexts per item).
 */
const singleUnitTexts = new WeakMap<readonly string[], string | null>();

/** The code points `[from, to)` of the text, joined. */
function codePointSlice(text: ExportText, from: number, to: number): string {
  const cps = text.codePoints;
  let joined = singleUnitTexts.get(cps);
  if (joined === undefined) {
    const whole = cps.join("");
    joined = whole.length === cps.length ? whole : null;
    singleUnitTexts.set(cps, joined);
  }
  return joined === null ? cps.slice(from, to).join("") : joined.slice(from, to);
}

/** Whether the exporter keeps a moderator's hidden or removed item (staff only). */
function keepsModerated(mark: ModerationMark | undefined, staff: boolean): boolean {
  if (!mark || staff) return true;
  return mark.state !== "hidden" && mark.state !== "removed";
}

// Module functions, not closures per thread, and items written out rather than spread from a
// common part (`{ ...common, … }` costs microseconds per object in V8): the export calls
// `threadItems` for every thread.
const roleOf = (person: PersonView, roles: ReadonlyMap<string, string>) =>
  person.alias ? "" : (roles.get(person.id) ?? "");
const mine = (person: PersonView, ownerId: string | null) =>
  ownerId === null || person.id === ownerId;

/**
 * A thread as rows: its annotation (unless `ownOnly` leaves out another's) and its replies.
 * Items withheld from the exporter (placeholders) or left by their author's delete carry no
 * words, and nothing an author deleted is exported.
 */
export function threadItems(
  view: ThreadView,
  text: ExportText,
  options: { staff: boolean; ownerId: string | null; roles: ReadonlyMap<string, string> },
): ExportItem[] {
  const { staff, ownerId, roles } = options;
  const orphan = view.anchorState === "orphaned";
  const quote = {
    exact: view.quote,
    prefix: orphan ? "" : codePointSlice(text, Math.max(0, view.start - CONTEXT_CHARS), view.start),
    suffix: orphan ? "" : codePointSlice(text, view.end, view.end + CONTEXT_CHARS),
  };
  const items: ExportItem[] = [];
  // A deleted annotation (its author's delete, or a tombstone the exporter may not open) leaves
  // the export; its replies keep the thread's id.
  if (!view.deleted && mine(view.author, ownerId) && keepsModerated(view.moderation, staff)) {
    const withheld = view.moderation?.withheld === true;
    const item: ExportItem = {
      threadId: view.id,
      textId: view.textId,
      visibility: view.visibility,
      quote,
      start: view.start,
      end: view.end,
      anchorState: view.anchorState,
      kind: "annotation",
      id: view.id,
      author: view.author,
      ...(view.importedAuthorName && { importedAuthorName: view.importedAuthorName }),
      role: roleOf(view.author, roles),
      createdAt: view.createdAt,
      editedAt: view.editedAt,
      isQuestion: view.isQuestion,
      tags: withheld ? [] : view.tags,
      reactions: view.reactions,
      body: withheld ? null : view.body,
      bodyText: withheld || !view.body ? "" : bodyToPlainText(view.body),
    };
    if (view.moderation) item.moderation = view.moderation;
    items.push(item);
  }
  for (const reply of view.replies) {
    // A reply its author deleted leaves the export; a withheld one has nothing to export.
    if (reply.deleted || reply.moderation?.withheld) continue;
    if (!mine(reply.author, ownerId) || !keepsModerated(reply.moderation, staff)) continue;
    const item: ExportItem = {
      threadId: view.id,
      textId: view.textId,
      visibility: view.visibility,
      quote,
      start: view.start,
      end: view.end,
      anchorState: view.anchorState,
      kind: "reply",
      id: reply.id,
      author: reply.author,
      ...(reply.importedAuthorName && { importedAuthorName: reply.importedAuthorName }),
      role: roleOf(reply.author, roles),
      createdAt: reply.createdAt,
      editedAt: reply.editedAt,
      isQuestion: false,
      tags: [],
      reactions: reply.reactions,
      body: reply.body,
      bodyText: reply.body ? bodyToPlainText(reply.body) : "",
    };
    if (reply.moderation) item.moderation = reply.moderation;
    items.push(item);
  }
  return items;
}

/** Who wrote an item, as an export names them: an imported item's original writer first. */
export function writerName(item: Pick<ExportItem, "author" | "importedAuthorName">): string {
  return item.importedAuthorName ?? nameOf(item.author);
}

/** A person's name as an export shows it. */
export function nameOf(person: PersonView): string {
  if (!person.alias) return person.name;
  switch (person.alias.kind) {
    case "classmate":
      return person.name;
    case "deleted":
      return "Deleted user / مستخدم محذوف";
    case "withheld":
      return "";
  }
}
