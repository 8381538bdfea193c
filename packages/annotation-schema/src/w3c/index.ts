// W3C Web Annotation Data Model mapping (export and import) and Hypothesis import; see
// ../../CONTEXT.md. A subpath of its own (`@hashiya/annotation-schema/w3c`), so that the web
// app's bundle does not carry the HTML and Markdown parsers the importers need.
export { type BodyConversion, bodyFromHtml } from "./body-from-html";
export { bodyFromMarkdown } from "./body-from-markdown";
export { htmlNormalForm } from "./body-normal-form";
export {
  type CollectionInput,
  jsonAroundItems,
  type PageInput,
  toW3cCollection,
  toW3cPage,
} from "./collection";
export { isDateTime, isLanguageTag, isUri } from "./formats";
export { isHypothesisJson, parseHypothesisImport } from "./from-hypothesis";
export { parseW3cImport } from "./from-w3c";
export { parseAnnotationDocument, parseAnnotationImport } from "./import";
export {
  type ImportProblem,
  type ImportProblemCode,
  importProblemCodes,
  type LocalisedMessage,
} from "./import-problems";
export type {
  ImportBatch,
  ImportedAgent,
  ImportedAnnotation,
  ImportedModeration,
  ImportedReply,
  ImportResult,
} from "./import-shape";
export { MAX_IMPORT_ITEMS } from "./assemble";
export { guessLanguage, textDirectionOf } from "./language";
export {
  annotationMustViolations,
  collectionMustViolations,
  type MustOptions,
  type MustViolation,
  pageMustViolations,
} from "./musts";
export {
  type AnnotationRecord,
  type ModerationDecision,
  type ModerationRecord,
  moderationDecisionSchema,
  type PersonRecord,
  type ReplyRecord,
  type TextRecord,
  textIris,
  type W3cIris,
} from "./records";
export { annotationToW3c, moderationToW3c, replyToW3c, type ToW3cOptions } from "./to-w3c";
export {
  ANNO_CONTEXT,
  ANNO_MEDIA_TYPE,
  MOTIVATIONS,
  type Motivation,
  type W3cAgent,
  type W3cAnnotation,
  type W3cAnnotationCollection,
  type W3cAnnotationPage,
  type W3cAudience,
  type W3cSelector,
  type W3cTextTarget,
  type W3cTextualBody,
} from "./vocabulary";
