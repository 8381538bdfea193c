import type { AnchorState } from "./anchor-state";
import type { CommentBody } from "./body-schema";
import type { ModerationMark } from "./moderation";
import type { ReactionKind } from "./reactions";
import type { Visibility } from "./visibility";

// What leaves the server about threads: the API's presenters build exactly these shapes and the
// web app renders them. Dates travel as Date (the tRPC transformer is superjson).

/** A person as others see them: display name and their presence colour. */
export interface PersonView {
  id: string;
  name: string;
  /** `presenceColour(id)`: one of `PRESENCE_COLOURS`. */
  colour: string;
  /**
   * Set when the viewer may not know who this is: a classmate in a course whose names are
   * hidden (a stable per-course number; `id` is then not the user's id), or the author of a
   * hidden or removed item ("withheld": empty name).
   */
  alias?: PersonAlias;
}

/** Who an anonymised person is to the viewer; number 0 is a former member. */
export type PersonAlias =
  | { kind: "classmate"; number: number }
  | { kind: "withheld" }
  /** A person who deleted their account; their words stay where the course keeps them. */
  | { kind: "deleted" };

/** One reaction kind on an item: how many, and whether the viewer is among them. */
export interface ReactionSummary {
  kind: ReactionKind;
  count: number;
  mine: boolean;
}

/**
 * A reply as the viewer may see it. A deleted reply (a tombstone kept because of the thread's
 * shape) has `deleted: true` and null `body`/`bodyHtml`.
 */
export interface ReplyView {
  id: string;
  annotationId: string;
  author: PersonView;
  /** Rendered on the server by `bodyToHtml`; null once deleted. */
  bodyHtml: string | null;
  /** The canonical JSON (for editing one's own reply); null once deleted. */
  body: CommentBody | null;
  createdAt: Date;
  editedAt: Date | null;
  /** Posted after its text's due date (`createdAt` later than `dueAt`); false without one. */
  postedAfterDue: boolean;
  /** Last edited after its text's due date (`editedAt` later than `dueAt`). */
  editedAfterDue: boolean;
  deleted: boolean;
  reactions: ReactionSummary[];
  /** Pending, denied, hidden or removed by a moderator; absent when visible. */
  moderation?: ModerationMark;
  /** Imported: who wrote it where it came from (the importer stands in as `author`). */
  importedAuthorName?: string;
}

/**
 * A thread (an annotation and its replies) as the viewer may see it. A thread its author deleted
 * while replies hung on it stays as a tombstone: `deleted: true`, body fields null.
 */
export interface ThreadView {
  id: string;
  textId: string;
  author: PersonView;
  /** The quoted passage (the quote selector's `exact`). */
  quote: string;
  /** Where the passage is now: code points of the canonical text. */
  start: number;
  end: number;
  anchorState: AnchorState;
  /** Score in [0, 1] of a fuzzy re-anchoring; null when anchored exactly. */
  anchorScore: number | null;
  bodyHtml: string | null;
  body: CommentBody | null;
  /** `bodyToPlainText(body)`, for search hits and previews; null once deleted. */
  bodyText: string | null;
  isQuestion: boolean;
  visibility: Visibility;
  /** Normalised tag names (`normaliseTag`), sorted. */
  tags: string[];
  createdAt: Date;
  editedAt: Date | null;
  /** Posted after its text's due date (`createdAt` later than `dueAt`); false without one. */
  postedAfterDue: boolean;
  /** Last edited after its text's due date (`editedAt` later than `dueAt`). */
  editedAfterDue: boolean;
  deleted: boolean;
  reactions: ReactionSummary[];
  /** In creation order. */
  replies: ReplyView[];
  /** Pending, denied, hidden or removed by a moderator; absent when visible. */
  moderation?: ModerationMark;
  /** A moderator locked the thread: it takes no new replies. */
  locked?: boolean;
  /** Imported: who wrote it where it came from (the importer stands in as `author`). */
  importedAuthorName?: string;
}
