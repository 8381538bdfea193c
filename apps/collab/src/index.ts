// What other apps may import: the document naming scheme and the close codes to match on.
export * from "./close-codes";
export {
  type CollabDocument,
  type DocumentAccess,
  documentName,
  parseDocumentName,
} from "./documents";
