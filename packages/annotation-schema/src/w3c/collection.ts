import type { PersonRecord, W3cIris } from "./records";
import {
  ANNO_CONTEXT,
  type W3cAnnotation,
  type W3cAnnotationCollection,
  type W3cAnnotationPage,
} from "./vocabulary";

// AnnotationCollection and AnnotationPage (model section 5): the export file is a collection
// with its one page embedded; the protocol pages a container with next/prev links.

/** What a page says about itself and where it sits. */
export interface PageInput {
  id: string;
  /** The collection it belongs to, with its total. */
  partOf?: { id: string; label?: string; total: number };
  /** Index of its first item in the whole collection. */
  startIndex: number;
  next?: string;
  prev?: string;
  /** Annotations written with `embedded: true` (they inherit the page's context). */
  items: W3cAnnotation[];
  /** The page is a document of its own (the protocol's page response): give it `@context`. */
  standalone?: boolean;
}

/** An AnnotationPage. */
export function toW3cPage(page: PageInput): W3cAnnotationPage {
  return {
    ...(page.standalone ? { "@context": ANNO_CONTEXT } : {}),
    id: page.id,
    type: "AnnotationPage",
    ...(page.partOf ? { partOf: page.partOf } : {}),
    startIndex: page.startIndex,
    ...(page.next ? { next: page.next } : {}),
    ...(page.prev ? { prev: page.prev } : {}),
    items: page.items,
  };
}

/** What a collection says about itself. */
export interface CollectionInput {
  id: string;
  label?: string;
  total: number;
  /** The first page, embedded (an export file) or linked (the protocol). */
  first?: W3cAnnotationPage | string;
  /** The last page's IRI. */
  last?: string;
  creator?: PersonRecord;
  iris?: W3cIris;
  created?: Date;
  modified?: Date;
}

/** An AnnotationCollection. `first` is required by the model whenever `total` > 0. */
export function toW3cCollection(collection: CollectionInput): W3cAnnotationCollection {
  const { creator, iris } = collection;
  return {
    "@context": ANNO_CONTEXT,
    id: collection.id,
    type: "AnnotationCollection",
    ...(collection.label !== undefined ? { label: collection.label } : {}),
    ...(creator && iris
      ? { creator: { id: iris.user(creator.id), type: "Person" as const, name: creator.name } }
      : {}),
    ...(collection.created ? { created: collection.created.toISOString() } : {}),
    ...(collection.modified ? { modified: collection.modified.toISOString() } : {}),
    total: collection.total,
    ...(collection.first !== undefined ? { first: collection.first } : {}),
    ...(collection.last !== undefined ? { last: collection.last } : {}),
  };
}

// Stands in for the items while the rest is serialised. Looked for with its key and quotes, which
// no string value can contain unescaped, so a label holding these letters cannot be mistaken.
const ITEMS_HOLE = "__hashiya_items__";
const HOLE_IN_JSON = `"items":"${ITEMS_HOLE}"`;

/**
 * The JSON text of a document around its page's `items`, for writing a large export as a
 * stream: `open + items.map(JSON.stringify).join(",") + close` is `JSON.stringify(document)`
 * with those items. `document` is a collection whose `first` is an embedded page, or a page;
 * its items array is ignored.
 */
export function jsonAroundItems(document: W3cAnnotationCollection | W3cAnnotationPage): {
  open: string;
  close: string;
} {
  const page = document.type === "AnnotationPage" ? document : document.first;
  if (typeof page !== "object" || page === null)
    throw new Error("jsonAroundItems needs a page, or a collection with its first page embedded");
  const withHole = (p: W3cAnnotationPage) => ({ ...p, items: ITEMS_HOLE });
  const json = JSON.stringify(
    document.type === "AnnotationPage"
      ? withHole(document)
      : { ...document, first: withHole(page) },
  );
  const at = json.indexOf(HOLE_IN_JSON);
  return {
    open: `${json.slice(0, at)}"items":[`,
    close: `]${json.slice(at + HOLE_IN_JSON.length)}`,
  };
}
