// Zod schemas and types shared by server and client (see CONTEXT.md). The W3C JSON-LD mapping
// arrives with the export issue.
export { type AnchorState, anchorStateSchema } from "./anchor-state";
export { bodyToHtml, COMMENT_LINK_REL, escapeHtml } from "./body-html";
export { relabelMentions } from "./body-mentions";
export {
  COMMENT_EMPTY,
  COMMENT_MAX_CHARS,
  COMMENT_MAX_HREF_LENGTH,
  COMMENT_MAX_LIST_DEPTH,
  COMMENT_MAX_NODES,
  COMMENT_TOO_LONG,
  type CommentBlockNode,
  type CommentBody,
  type CommentBodyJson,
  type CommentBulletListNode,
  type CommentHardBreakNode,
  type CommentInlineNode,
  type CommentListItemNode,
  type CommentMark,
  type CommentMentionNode,
  type CommentOrderedListNode,
  type CommentParagraphNode,
  type CommentTextNode,
  commentBodyInputSchema,
  commentBodySchema,
  countBodyNodes,
  isSafeHref,
} from "./body-schema";
export {
  bodyToPlainText,
  codePointCount,
  isBlank,
  mentionedUserIds,
  plainTextToBody,
} from "./body-text";
export {
  DISPLAY_NAME_MAX_CHARS,
  displayNameSchema,
  isValidDisplayName,
  sanitiseDisplayName,
} from "./display-name";
export { entityIdSchema } from "./ids";
export {
  type CreateAnnotationInput,
  type CreateReplyInput,
  createAnnotationInputSchema,
  createReplyInputSchema,
  deleteAnnotationInputSchema,
  deleteReplyInputSchema,
  type EditAnnotationInput,
  type EditReplyInput,
  editAnnotationInputSchema,
  editReplyInputSchema,
  type LiveInput,
  listThreadsInputSchema,
  liveInputSchema,
  SEARCH_QUERY_MAX_CHARS,
  type SearchInput,
  type SetReactionInput,
  searchInputSchema,
  setReactionInputSchema,
} from "./inputs";
export { type LiveEvent, type LiveEventType, liveEventTypeSchema } from "./live-events";
export {
  AUDIT_PAGE_MAX,
  type AuditEntryView,
  type AuditLogInput,
  auditLogInputSchema,
  decideInputSchema,
  decideWithReasonInputSchema,
  type FlagView,
  flagInputSchema,
  lockInputSchema,
  type MemberRef,
  MODERATION_REASON_MAX_CHARS,
  MUTE_MAX_HOURS,
  type ModeratedItemView,
  type ModerationActionKind,
  type ModerationMark,
  type ModerationState,
  type ModerationTarget,
  moderationActionKindSchema,
  moderationQueueInputSchema,
  moderationReasonSchema,
  moderationStateSchema,
  moderationTargetSchema,
  muteInputSchema,
  normaliseReason,
  optionalReasonSchema,
  type QueueEntryView,
  undoInputSchema,
  unmuteInputSchema,
} from "./moderation";
export {
  type NotesPresenceState,
  notesPresenceStateSchema,
  PRESENCE_COLOURS,
  PRESENCE_SELECTION_ALPHA,
  type PresenceColour,
  type PresenceState,
  type PresenceUser,
  presenceColour,
  presenceSelectionColour,
  presenceSelectionSchema,
  presenceStateSchema,
  presenceUserSchema,
} from "./presence";
export {
  type ReactionKind,
  type ReactionTarget,
  reactionKindSchema,
  reactionTargetSchema,
} from "./reactions";
export {
  type AnnotationSelectors,
  annotationSelectorsSchema,
  type PositionSelector,
  type QuoteSelector,
  selectorsByType,
  textPositionSelectorSchema,
  textQuoteSelectorSchema,
  textSelectorSchema,
} from "./selectors";
export {
  isValidTag,
  MAX_TAGS_PER_ANNOTATION,
  normaliseTag,
  TAG_MAX_CHARS,
  tagListSchema,
  tagNameSchema,
} from "./tags";
export type { PersonAlias, PersonView, ReactionSummary, ReplyView, ThreadView } from "./views";
export { type Visibility, visibilitySchema } from "./visibility";
export {
  type ExportItemJson,
  exportItemSchema,
  exportPersonSchema,
  HASHIYA_EXPORT_FORMAT,
  HASHIYA_EXPORT_VERSION,
  type HashiyaExport,
  hashiyaExportSchema,
} from "./export-json";
