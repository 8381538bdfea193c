import { isDateTime, isUri } from "./formats";
import { ANNO_CONTEXT, MOTIVATIONS } from "./vocabulary";

// The MUST assertions of the W3C Web Annotation Data Model, ported from the W3C test suite
// (github.com/w3c/web-annotation-tests: annotations/annotationMusts.test,
// bodiesTargets/bodyMusts.test and targetMusts.test, specificResource/specificResourceMusts.test,
// collections/collectionMusts.test, and the JSON schemas in definitions/ they reference). Each
// check keeps the id of its assertion file, so a failure names the assertion to read. The API
// reuses this for the Web Annotation Protocol: what it serves must pass, what it receives is told why not.

/** One failed assertion: the test suite's assertion id and what is wrong. */
export interface MustViolation {
  assertion: string;
  message: string;
}

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const has = (o: Obj, key: string) => Object.hasOwn(o, key);
/** A single value, or an array of exactly one (JSON-LD's two spellings of one value). */
const single = (v: unknown, test: (x: unknown) => boolean) =>
  test(v) || (Array.isArray(v) && v.length === 1 && test(v[0]));
/** A value, or a non-empty array of values, each passing `test`. */
const oneOrMore = (v: unknown, test: (x: unknown) => boolean) =>
  test(v) || (Array.isArray(v) && v.length >= 1 && v.every(test));
/** Whether exactly one test passes (JSON Schema's `oneOf`). */
const exactlyOne = (v: unknown, tests: ((x: unknown) => boolean)[]) =>
  tests.filter((t) => t(v)).length === 1;
/** `type` is `name` or an array that holds `name`. */
const typeIncludes = (o: Obj, name: string) =>
  o.type === name || (Array.isArray(o.type) && o.type.includes(name));

const motivationKnown = (v: unknown) =>
  typeof v === "string" && (MOTIVATIONS as readonly string[]).includes(v);
const purposeValid = (o: Obj) => !has(o, "purpose") || oneOrMore(o.purpose, motivationKnown);
const textDirectionValid = (o: Obj) =>
  !has(o, "textDirection") ||
  single(o.textDirection, (d) => d === "ltr" || d === "rtl" || d === "auto");

// ── Resources (definitions/bodyTarget.json, specificResource.json, choiceSet.json) ──

/** External Web Resource: an object with a URI `id` and no `value`, `source` or `target`. */
function isExternalWebResource(v: unknown): v is Obj {
  return isObject(v) && isUri(v.id) && !has(v, "value") && !has(v, "source") && !has(v, "target");
}

/** Embedded textual body: an object whose `value` is a string. */
function isTextualBody(v: unknown): v is Obj {
  return isObject(v) && typeof v.value === "string";
}

const isSelectorType = (o: Obj, name: string) => o.type === name;
const refinedByValid = (o: Obj): boolean => !has(o, "refinedBy") || isRefinedBy(o.refinedBy);

function isValueOrIdSelector(v: unknown, name: string): boolean {
  if (!isObject(v) || !isSelectorType(v, name)) return false;
  // Exactly one of `value` (a string) and `id` (one URI).
  if (has(v, "value") === has(v, "id")) return false;
  const valid = has(v, "value") ? typeof v.value === "string" : single(v.id, isUri);
  return valid && refinedByValid(v);
}

function isFragmentSelector(v: unknown): boolean {
  return (
    isObject(v) &&
    isSelectorType(v, "FragmentSelector") &&
    typeof v.value === "string" &&
    (!has(v, "conformsTo") || isUri(v.conformsTo)) &&
    refinedByValid(v)
  );
}

/** TextQuoteSelector: `exact` required, `prefix`/`suffix` strings when present (4.2.4). */
function isTextQuoteSelector(v: unknown): boolean {
  return (
    isObject(v) &&
    isSelectorType(v, "TextQuoteSelector") &&
    typeof v.exact === "string" &&
    (!has(v, "prefix") || typeof v.prefix === "string") &&
    (!has(v, "suffix") || typeof v.suffix === "string") &&
    refinedByValid(v)
  );
}

const nonNegativeInteger = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= 0;

/** TextPositionSelector / DataPositionSelector: integer `start` and `end` ≥ 0 (4.2.5, 4.2.6). */
function isPositionSelector(v: unknown, name: string): boolean {
  return (
    isObject(v) &&
    isSelectorType(v, name) &&
    nonNegativeInteger(v.start) &&
    nonNegativeInteger(v.end) &&
    refinedByValid(v)
  );
}

const simpleSelectors: ((v: unknown) => boolean)[] = [
  isFragmentSelector,
  (v) => isValueOrIdSelector(v, "CssSelector"),
  (v) => isValueOrIdSelector(v, "XPathSelector"),
  isTextQuoteSelector,
  (v) => isPositionSelector(v, "TextPositionSelector"),
  (v) => isPositionSelector(v, "DataPositionSelector"),
  (v) => isValueOrIdSelector(v, "SvgSelector"),
];

/** RangeSelector: `startSelector` and `endSelector`, each one simple selector (4.2.9). */
function isRangeSelector(v: unknown): boolean {
  return (
    isObject(v) &&
    isSelectorType(v, "RangeSelector") &&
    exactlyOne(v.startSelector, simpleSelectors) &&
    exactlyOne(v.endSelector, simpleSelectors) &&
    refinedByValid(v)
  );
}

const isKnownSelector = (v: unknown) =>
  isObject(v) && (simpleSelectors.some((t) => t(v)) || isRangeSelector(v));

function isTimeState(v: unknown): boolean {
  if (!isObject(v) || v.type !== "TimeState") return false;
  const dates = (d: unknown) => oneOrMore(d, isDateTime);
  if (has(v, "sourceDate") && !dates(v.sourceDate)) return false;
  if (has(v, "sourceDateStart") !== has(v, "sourceDateEnd")) return false;
  if (has(v, "sourceDateStart") && !(isDateTime(v.sourceDateStart) && isDateTime(v.sourceDateEnd)))
    return false;
  if (has(v, "sourceDate") && has(v, "sourceDateStart")) return false;
  return !has(v, "cached") || isUri(v.cached);
}

const isHttpRequestState = (v: unknown) =>
  isObject(v) && v.type === "HttpRequestState" && typeof v.value === "string";

function isRefinedBy(v: unknown): boolean {
  return exactlyOne(v, [...simpleSelectors, isRangeSelector, isTimeState, isHttpRequestState]);
}

const selectorOrUri = (v: unknown) => isUri(v) || isKnownSelector(v);
const stateOrUri = (v: unknown) =>
  isUri(v) || (isObject(v) && (isUri(v.id) || isTimeState(v) || isHttpRequestState(v)));

/**
 * Specific Resource: exactly one `source` (a URI or an External Web Resource) and at least one
 * of purpose, selector, state, styleClass, renderedVia, scope (section 4).
 */
function isSpecificResource(v: unknown): v is Obj {
  if (!isObject(v) || !has(v, "source")) return false;
  if (!(isUri(v.source) || isExternalWebResource(v.source))) return false;
  return (
    (has(v, "purpose") && purposeValid(v)) ||
    (has(v, "selector") && oneOrMore(v.selector, selectorOrUri)) ||
    (has(v, "state") && oneOrMore(v.state, stateOrUri)) ||
    (has(v, "styleClass") && typeof v.styleClass === "string") ||
    has(v, "renderedVia") ||
    (has(v, "scope") && oneOrMore(v.scope, isUri))
  );
}

/** Choice, Composite, List or Independents of `name`: `type` and a non-empty `items` list. */
function isChoiceOrSet(v: unknown, name: string): v is Obj {
  return (
    isObject(v) &&
    v.type === name &&
    Array.isArray(v.items) &&
    v.items.length >= 1 &&
    v.items.every((item) =>
      exactlyOne(item, [
        isSpecificResource,
        isExternalWebResource,
        isTextualBody,
        isUri,
        (x) => SET_TYPES.some((t) => isChoiceOrSet(x, t)),
      ]),
    )
  );
}
const SET_TYPES = ["Choice", "Composite", "List", "Independents"];
const isAnyChoiceOrSet = (v: unknown) => SET_TYPES.some((t) => isChoiceOrSet(v, t));

const targetKinds: ((v: unknown) => boolean)[] = [
  isUri,
  (v) => isChoiceOrSet(v, "Choice"),
  (v) => isChoiceOrSet(v, "Composite"),
  (v) => isChoiceOrSet(v, "Independents"),
  (v) => isChoiceOrSet(v, "List"),
  isSpecificResource,
  isExternalWebResource,
];
const bodyKinds = [...targetKinds, isTextualBody];

// ── Properties shared by annotations, bodies and targets (definitions/otherProperties.json) ──

const commonPropertyChecks: [string, string, (o: Obj) => boolean][] = [
  [
    "created",
    "created is one date-time",
    (o) => !has(o, "created") || single(o.created, isDateTime),
  ],
  [
    "modified",
    "modified is one date-time",
    (o) => !has(o, "modified") || single(o.modified, isDateTime),
  ],
  [
    "generated",
    "generated is one date-time",
    (o) => !has(o, "generated") || single(o.generated, isDateTime),
  ],
  ["rights", "rights are URIs", (o) => !has(o, "rights") || oneOrMore(o.rights, isUri)],
  ["canonical", "canonical is one URI", (o) => !has(o, "canonical") || single(o.canonical, isUri)],
  ["via", "via are URIs", (o) => !has(o, "via") || oneOrMore(o.via, isUri)],
];

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/** The body-level (or target-level) MUSTs of bodyMusts.test / targetMusts.test. */
function resourceViolations(kind: "body" | "target", value: unknown): MustViolation[] {
  const out: MustViolation[] = [];
  const prefix = kind === "body" ? "body" : "targ";
  const add = (assertion: string, message: string) => out.push({ assertion, message });
  const kinds = kind === "body" ? bodyKinds : targetKinds;
  const items = asList(value);
  const recognised =
    exactlyOne(value, kinds) ||
    (Array.isArray(value) && value.every((item) => exactlyOne(item, kinds)));
  if (!recognised)
    add(
      `3.2-${kind}ObjectsRecognized`,
      `each ${kind} is exactly one of: a URI, an External Web Resource, a Choice or Set, a Specific Resource${kind === "body" ? ", a Textual Body" : ""}`,
    );
  items.forEach((item, k) => {
    if (!isObject(item)) return;
    const where = Array.isArray(value) ? `${kind}[${k}]` : kind;
    if (!textDirectionValid(item) || (isObject(item.source) && !textDirectionValid(item.source)))
      add(
        `3.2.1-${prefix}TextDirectionValidated`,
        `${where}: textDirection is one of ltr, rtl, auto`,
      );
    for (const [key, message, check] of commonPropertyChecks) {
      const section =
        key === "rights" ? "3.3.6" : key === "canonical" || key === "via" ? "3.3.7" : "3.3.1";
      const name = key[0]!.toUpperCase() + key.slice(1);
      if (!check(item) || (isObject(item.source) && !check(item.source)))
        add(`${section}-${prefix}${name}Validated`, `${where}: ${message}`);
    }
    if (isExternalWebResource(item)) {
      if (has(item, "items"))
        add(`3.2.7-${prefix}EWRNoItems`, `${where}: an External Web Resource has no items`);
      if (has(item, "purpose"))
        add(`3.3.5-${prefix}EWRNoPurpose`, `${where}: an External Web Resource has no purpose`);
    }
    if (isAnyChoiceOrSet(item)) {
      if (has(item, "value"))
        add(`3.2.4-${prefix}ChoiceSetNoValue`, `${where}: a Choice or Set has no value`);
      if (has(item, "source"))
        add(`4-${prefix}ChoiceSetNoSource`, `${where}: a Choice or Set has no source`);
      if (has(item, "purpose"))
        add(`3.3.5-${prefix}ChoiceSetNoPurpose`, `${where}: a Choice or Set has no purpose`);
    }
    if (kind === "body" && isTextualBody(item)) {
      if (has(item, "items"))
        add("3.2.7-bodyEmbeddedTextualNoItems", `${where}: a Textual Body has no items`);
      if (has(item, "source"))
        add("4-bodyEmbeddedTextualNoSource", `${where}: a Textual Body has no source`);
    }
    // Checked on whatever has a source, so that a broken selector is named, not only the
    // unrecognised target it makes.
    if (isSpecificResource(item) || (has(item, "source") && !isTextualBody(item))) {
      if (has(item, "items"))
        add(`3.2.7-${prefix}SpecificResourceNoItems`, `${where}: a Specific Resource has no items`);
      // As published, 4-*SpecificResourceNoSource reads "a Specific Resource that has a source
      // fails", which every Specific Resource does (the model's own Example 17 included). We
      // check what its title means: the source is a URI or a resource, never another Specific
      // Resource (nested selections are written with refinedBy).
      if (isObject(item.source) && has(item.source, "source"))
        add(
          `4-${prefix}SpecificResourceNoSource`,
          `${where}: the source is not itself a Specific Resource`,
        );
      out.push(...specificResourceViolations(item, where));
    }
  });
  return out;
}

/** specificResourceMusts.test: every selector, state and refinement present is a valid one. */
function specificResourceViolations(sr: Obj, where: string): MustViolation[] {
  const out: MustViolation[] = [];
  if (has(sr, "selector")) {
    for (const selector of asList(sr.selector)) {
      if (isUri(selector)) continue;
      if (!isObject(selector) || typeof selector.type !== "string") {
        out.push({
          assertion: "4.2-selectorValidIfPresent",
          message: `${where}: each selector is a URI or a typed selector`,
        });
        continue;
      }
      const valid = isKnownSelector(selector);
      const assertion =
        selector.type === "TextQuoteSelector"
          ? "4.2.4-textQuoteSelectorValid"
          : selector.type === "TextPositionSelector" || selector.type === "DataPositionSelector"
            ? "4.2-TextDataPositionSelectorValid"
            : selector.type === "RangeSelector"
              ? "4.2.8-rangeSelectorValid"
              : selector.type === "SvgSelector"
                ? "4.2.7-svgSelectorValid"
                : "4.2-fragmentCssXPathSelectorValid";
      if (!valid)
        out.push({
          assertion,
          message: `${where}: ${selector.type} has its required keys, of the right types`,
        });
    }
  }
  if (has(sr, "state") && !oneOrMore(sr.state, stateOrUri))
    out.push({
      assertion: "4.3-stateValidIfPresent",
      message: `${where}: each state is a URI, a TimeState or an HttpRequestState`,
    });
  if (has(sr, "styleClass") && typeof sr.styleClass !== "string")
    out.push({
      assertion: "4.4-styleClassValidIfPresent",
      message: `${where}: styleClass is a string`,
    });
  return out;
}

// ── Annotations (annotationMusts.test) ──

const contextValid = (v: unknown) =>
  v === ANNO_CONTEXT || (Array.isArray(v) && v.includes(ANNO_CONTEXT));

export interface MustOptions {
  /** The annotation is embedded in a page or collection whose `@context` it inherits. */
  contextInherited?: boolean;
}

/**
 * Every MUST assertion of the Web Annotation Data Model that `annotation` fails (empty: it
 * conforms): the annotation's own (context, id, type, target, body xor bodyValue, dates,
 * rights, canonical, via), each body's and each target's, and each Specific Resource's.
 */
export function annotationMustViolations(
  annotation: unknown,
  options: MustOptions = {},
): MustViolation[] {
  if (!isObject(annotation))
    return [
      { assertion: "3.1-annotationTypeValidated", message: "an annotation is a JSON object" },
    ];
  const out: MustViolation[] = [];
  const add = (assertion: string, message: string) => out.push({ assertion, message });
  if (!options.contextInherited && !contextValid(annotation["@context"]))
    add("3.1-annotationContextValidated", `@context is or includes ${ANNO_CONTEXT}`);
  if (!isUri(annotation.id)) add("3.1-annotationIdValidated", "id is one string of format uri");
  if (!typeIncludes(annotation, "Annotation"))
    add("3.1-annotationTypeValidated", "type is or includes Annotation");
  if (!has(annotation, "target")) add("3.1-targetKeyFound", "the annotation has a target");
  else out.push(...resourceViolations("target", annotation.target));
  if (has(annotation, "body") && has(annotation, "bodyValue"))
    add("3.2.5-notBodyBodyValue", "body and bodyValue are never both present");
  if (has(annotation, "bodyValue") && !single(annotation.bodyValue, (v) => typeof v === "string"))
    add("3.2.5-bodyValueValidated", "bodyValue is one string");
  if (has(annotation, "body")) out.push(...resourceViolations("body", annotation.body));
  for (const [key, message, check] of commonPropertyChecks) {
    const section =
      key === "rights" ? "3.3.6" : key === "canonical" || key === "via" ? "3.3.7" : "3.3.1";
    if (!check(annotation))
      add(`${section}-annotation${key[0]!.toUpperCase()}${key.slice(1)}Validated`, message);
  }
  return out;
}

// ── Collections and pages (collectionMusts.test, definitions/collections.json) ──

const pageTyped = (v: unknown) => isObject(v) && typeIncludes(v, "AnnotationPage");

/** Every MUST assertion of an AnnotationCollection that `collection` fails (its pages aside). */
export function collectionMustViolations(collection: unknown): MustViolation[] {
  if (!isObject(collection))
    return [{ assertion: "5.1-collectionTypeValidated", message: "a collection is a JSON object" }];
  const out: MustViolation[] = [];
  const add = (assertion: string, message: string) => out.push({ assertion, message });
  const c = collection;
  if (!contextValid(c["@context"]))
    add("5.1-collectionContextValidated", `@context is or includes ${ANNO_CONTEXT}`);
  if (!isUri(c.id)) add("5.1-collectionIdValidated", "id is one string of format uri");
  if (!typeIncludes(c, "AnnotationCollection"))
    add("5.1-collectionTypeValidated", "type is or includes AnnotationCollection");
  if (has(c, "label") && !oneOrMore(c.label, (l) => typeof l === "string"))
    add("5.1-collectionLabelValidated", "label is one or more strings");
  if (has(c, "total") && !single(c.total, nonNegativeInteger))
    add("5.1-collectionTotalValidated", "total is one integer ≥ 0");
  const totalAboveZero = single(c.total, (t) => nonNegativeInteger(t) && (t as number) > 0);
  const firstValid = single(c.first, (f) => isUri(f) || pageTyped(f));
  if ((has(c, "first") && !firstValid) || (totalAboveZero && !has(c, "first")))
    add(
      "5.1-collectionFirstValidated",
      "first is one URI or AnnotationPage, present when total > 0",
    );
  if (has(c, "last") && !single(c.last, isUri))
    add("5.1-collectionLastValidated", "last is one URI");
  for (const [key, message, check] of commonPropertyChecks) {
    if (key !== "created" && key !== "modified" && key !== "rights") continue;
    if (!check(c))
      add(
        `${key === "rights" ? "3.3.6" : "3.3.1"}-collection${key[0]!.toUpperCase()}${key.slice(1)}Validated`,
        message,
      );
  }
  return out;
}

/**
 * What an AnnotationPage breaks of definitions/collections.json (the suite has no page MUST
 * file: its type, items, partOf, next, prev and startIndex definitions are checked here), and
 * the MUSTs of each embedded annotation, which inherit the page's context.
 */
export function pageMustViolations(page: unknown, options: MustOptions = {}): MustViolation[] {
  if (!isObject(page))
    return [{ assertion: "5.2-pageTypeValidated", message: "a page is a JSON object" }];
  const out: MustViolation[] = [];
  const add = (assertion: string, message: string) => out.push({ assertion, message });
  if (!options.contextInherited && !contextValid(page["@context"]))
    add("5.2-pageContextValidated", `@context is or includes ${ANNO_CONTEXT}`);
  if (has(page, "id") && !isUri(page.id))
    add("5.2-pageIdValidated", "id is one string of format uri");
  if (!typeIncludes(page, "AnnotationPage"))
    add("5.2-pageTypeValidated", "type is or includes AnnotationPage");
  if (
    has(page, "partOf") &&
    !(single(page.partOf, isUri) || (isObject(page.partOf) && isUri(page.partOf.id)))
  )
    add("5.2-pagePartOfValidated", "partOf is one URI or an object with a URI id");
  for (const key of ["next", "prev"] as const)
    if (has(page, key) && !single(page[key], isUri))
      add(`5.2-page${key === "next" ? "Next" : "Prev"}Validated`, `${key} is one URI`);
  if (has(page, "startIndex") && !single(page.startIndex, nonNegativeInteger))
    add("5.2-pageStartIndexValidated", "startIndex is one integer ≥ 0");
  if (!Array.isArray(page.items)) {
    add("5.2-pageItemsFound", "items is an array of annotations or URIs");
    return out;
  }
  page.items.forEach((item, k) => {
    if (isUri(item)) return;
    for (const v of annotationMustViolations(item, { contextInherited: true }))
      out.push({ assertion: v.assertion, message: `items[${k}]: ${v.message}` });
  });
  return out;
}
