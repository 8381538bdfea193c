export { type Actor, type CourseAction, type CourseStanding, can } from "./actor";
export { canCreateCourse, canWriteInCourse } from "./course";
export { canReadText, courseStanding, findReadableText } from "./text";
export { canEditOwn, canSeeThread, canWriteInText, type ThreadAccess } from "./thread";
export { canMention, MAX_MENTIONS_PER_COMMENT, type MentionCandidate } from "./mention";
