// The views the API sends and the limits the composer shows: one source, the schema package.
export {
  type AnchorState,
  COMMENT_MAX_CHARS,
  type CommentBody,
  type LiveEvent,
  type LiveEventType,
  MAX_TAGS_PER_ANNOTATION,
  type PersonView,
  type ReactionKind,
  type ReactionSummary,
  type ReplyView,
  type ThreadView,
  type Visibility,
} from "@hashiya/annotation-schema";
import { type ReactionKind, reactionKindSchema } from "@hashiya/annotation-schema";

/** The order reactions appear in under a comment: the schema's own order. */
export const REACTION_KINDS: readonly ReactionKind[] = reactionKindSchema.options;
