export { type Actor, type CourseAction, type CourseStanding, can } from "./actor";
export { canReadText, courseStanding, findReadableText } from "./text";
export { canEditOwn, canSeeThread, canWriteInText, type ThreadAccess } from "./thread";
