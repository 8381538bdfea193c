// The exact fields that leave the server: one `select` per stored shape, one presenter per view.
export {
  isRevealed,
  lensKey,
  noteOwnThread,
  PLAIN_SETTINGS,
  plainLens,
  revealsAuthor,
  showsName,
  type ViewerLens,
} from "./lens";
export { personSelect, presentPerson, presentPersonFor, withheldPerson } from "./person";
export { presentReactions, reactionSelect } from "./reactions";
export { presentReply, type ReplyRow, replySelect, showsReply } from "./reply";
export { presentThread, showsThread, type ThreadRow, threadColumns, threadSelect } from "./thread";
export { textSummarySelect } from "./text";
