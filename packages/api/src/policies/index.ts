export { type Actor, type CourseAction, type CourseStanding, can } from "./actor";
export { canCreateCourse, canWriteInCourse } from "./course";
export { canImportAnnotations } from "./import";
export { type PresenceIdentity, presenceIdentity } from "./presence";
export { canReadText, courseStanding, findReadableText } from "./text";
export {
  acceptsReplies,
  canBeMuted,
  canEditOwn,
  canFlag,
  canSeeModerationReason,
  canSeeReply,
  canSeeThread,
  canWriteInText,
  countsTowardReveal,
  type Disclosure,
  type DiscussionSettings,
  disclosureOf,
  type EventAudience,
  eventAudience,
  heldAgainAfterEdit,
  initialModerationState,
  isHeld,
  isMuted,
  isStaff,
  type ModeratedItem,
  passesRevealGate,
  sameAudience,
  seesNameOf,
  type ThreadAccess,
} from "./thread";
export { canMention, MAX_MENTIONS_PER_COMMENT, type MentionCandidate } from "./mention";
