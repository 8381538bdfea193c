// The exact fields that leave the server: one `select` per stored shape, one presenter per view.
export { personSelect, presentPerson } from "./person";
export { presentReactions, reactionSelect } from "./reactions";
export { presentReply, replySelect } from "./reply";
export { presentThread, type ThreadRow, threadSelect } from "./thread";
export { textSummarySelect } from "./text";
