// The W3C Web Annotation vocabulary this package reads and writes
// (https://www.w3.org/TR/annotation-model/, https://www.w3.org/TR/annotation-vocab/).

/** The JSON-LD context every Web Annotation document names. */
export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

/** The media type of Web Annotation JSON-LD (the protocol's `Content-Type`). */
export const ANNO_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

/** The motivations (and body purposes) the model defines, section 3.3.5. */
export const MOTIVATIONS = [
  "assessing",
  "bookmarking",
  "classifying",
  "commenting",
  "describing",
  "editing",
  "highlighting",
  "identifying",
  "linking",
  "moderating",
  "questioning",
  "replying",
  "tagging",
] as const;
/** One of the model's motivations or purposes. */
export type Motivation = (typeof MOTIVATIONS)[number];

/** A person as the model describes an Agent (section 3.3.2). */
export interface W3cAgent {
  /** Absent for a writer who is no user here (an imported annotation's original author). */
  id?: string;
  type: "Person";
  name: string;
}

/** An embedded textual body (section 3.2.4). */
export interface W3cTextualBody {
  type: "TextualBody";
  value: string;
  format: "text/html" | "text/plain";
  purpose: Motivation;
  language?: string;
  textDirection?: "ltr" | "rtl" | "auto";
}

/** The selectors we write: a quote, and a position in code points of the canonical text. */
export type W3cSelector =
  | { type: "TextQuoteSelector"; exact: string; prefix?: string; suffix?: string }
  | { type: "TextPositionSelector"; start: number; end: number };

/** A passage of one of our texts (section 4: a Specific Resource with selectors). */
export interface W3cTextTarget {
  type: "SpecificResource";
  source: string;
  language?: string;
  textDirection?: "ltr" | "rtl";
  selector: W3cSelector[];
}

/** Who may see an annotation, as a schema.org audience (section 3.3.3). */
export interface W3cAudience {
  type: "schema:Audience";
  "schema:audienceType": string;
}

/** A Web Annotation as we write it. `@context` is left out inside pages (inherited). */
export interface W3cAnnotation {
  "@context"?: typeof ANNO_CONTEXT;
  id: string;
  type: "Annotation";
  motivation: Motivation;
  creator: W3cAgent;
  created: string;
  modified?: string;
  audience?: W3cAudience;
  body?: W3cTextualBody[];
  target: W3cTextTarget | string;
}

/** A page of an annotation collection (section 5.2). */
export interface W3cAnnotationPage {
  "@context"?: typeof ANNO_CONTEXT;
  id: string;
  type: "AnnotationPage";
  partOf?: { id: string; label?: string; total: number };
  startIndex: number;
  next?: string;
  prev?: string;
  items: W3cAnnotation[];
}

/** An annotation collection (section 5.1), its first page embedded or linked. */
export interface W3cAnnotationCollection {
  "@context": typeof ANNO_CONTEXT;
  id: string;
  type: "AnnotationCollection";
  label?: string;
  creator?: W3cAgent;
  created?: string;
  modified?: string;
  total: number;
  first?: W3cAnnotationPage | string;
  last?: string;
}
