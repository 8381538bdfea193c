export { type AnchorOptions, type AnchorResult, anchor, anchorMany } from "./anchor";
export {
  type Block,
  type BlockquoteBlock,
  type CodeBlock,
  type HeadingBlock,
  type ListItemBlock,
  type ParagraphBlock,
  type TextDocument,
  MAX_TEXT_BYTES,
  MAX_TEXT_WORDS,
  canonicalText,
} from "./blocks";
export {
  type LocalisedMessage,
  type TextModelErrorCode,
  TextModelError,
  isTextModelError,
} from "./errors";
export { type TextLanguage, detectLanguage, languageDirection } from "./detect-language";
export { importMarkdown } from "./import-markdown";
export { importPlainText } from "./import-plain";
export { type NormaliseOptions, type NormalisedText, normaliseForSearch } from "./normalise-arabic";
export { type BlockPosition, OffsetMap, codePointLength } from "./offsets";
export { PreparedText, prepareText } from "./prepared-text";
export { type Searcher, type TextRange, createSearcher, searchText } from "./search";
export { type Segment, segmentSentences, segmentWords } from "./segment";
export {
  type DescribeOptions,
  type GraphemePolicy,
  type RangeDescription,
  type TextPositionSelector,
  type TextQuoteSelector,
  type TextSelector,
  QUOTE_CONTEXT_LENGTH,
  describeRange,
} from "./selectors";
