import { describe, expect, it } from "vitest";
import { isDateTime, isUri } from "./formats";
import { annotationMustViolations, collectionMustViolations, pageMustViolations } from "./musts";

// The checker must pass the model's own examples and fail each assertion it ports: otherwise a
// green "every annotation passes" test would prove nothing.

const ctx = "http://www.w3.org/ns/anno.jsonld";
const valid = {
  "@context": ctx,
  id: "http://example.org/anno20",
  type: "Annotation",
  motivation: "commenting",
  created: "2015-10-13T13:00:00Z",
  body: {
    type: "TextualBody",
    value: "نص",
    format: "text/plain",
    language: "ar",
    textDirection: "rtl",
  },
  target: {
    source: "http://example.org/page1",
    selector: [
      { type: "TextQuoteSelector", exact: "anotation", prefix: "this is an ", suffix: " that has" },
      { type: "TextPositionSelector", start: 412, end: 795 },
    ],
  },
};
const ids = (value: unknown) => annotationMustViolations(value).map((v) => v.assertion);

describe("annotationMustViolations", () => {
  it("passes the model's examples", () => {
    const examples = [
      valid,
      // Example 1: body and target as IRIs.
      {
        "@context": ctx,
        id: "http://example.org/anno1",
        type: "Annotation",
        body: "http://example.post/post1",
        target: "http://example.com/page1",
      },
      // Example 3: bodyValue.
      {
        "@context": ctx,
        id: "http://example.org/anno4",
        type: "Annotation",
        bodyValue: "Comment text",
        target: "http://example.org/target1",
      },
      // Example 10: a Choice of bodies; Example 17: a Specific Resource with a purpose.
      {
        "@context": [ctx, { ex: "http://example.org/" }],
        id: "http://example.org/anno10",
        type: ["Annotation"],
        body: {
          type: "Choice",
          items: [
            { type: "TextualBody", value: "I love this!", language: "en" },
            { type: "TextualBody", value: "Je l'adore !", language: "fr" },
          ],
        },
        target: { source: "http://example.org/page1", purpose: "tagging", styleClass: "red" },
      },
      // A RangeSelector, a refinedBy, a TimeState.
      {
        "@context": ctx,
        id: "urn:uuid:dbc3e9d8-3b22-4d1a-9fbb-6cf7e0a5e5d5",
        type: "Annotation",
        target: {
          source: "http://example.org/page1",
          selector: {
            type: "RangeSelector",
            startSelector: { type: "XPathSelector", value: "//table[1]/tr[1]/td[2]" },
            endSelector: { type: "XPathSelector", value: "//table[1]/tr[1]/td[4]" },
          },
          state: { type: "TimeState", sourceDate: "2015-09-25T12:00:00Z" },
        },
      },
    ];
    for (const example of examples) expect(annotationMustViolations(example)).toEqual([]);
  });

  it("fails each annotation-level assertion it ports", () => {
    const { "@context": _c, ...noContext } = valid;
    expect(ids(noContext)).toEqual(["3.1-annotationContextValidated"]);
    expect(annotationMustViolations(noContext, { contextInherited: true })).toEqual([]);
    expect(ids({ ...valid, "@context": "http://schema.org/" })).toEqual([
      "3.1-annotationContextValidated",
    ]);
    expect(ids({ ...valid, id: "not a uri" })).toEqual(["3.1-annotationIdValidated"]);
    expect(ids({ ...valid, id: ["http://example.org/a", "http://example.org/b"] })).toEqual([
      "3.1-annotationIdValidated",
    ]);
    expect(ids({ ...valid, type: "Note" })).toEqual(["3.1-annotationTypeValidated"]);
    const { target: _t, ...noTarget } = valid;
    expect(ids(noTarget)).toEqual(["3.1-targetKeyFound"]);
    expect(ids({ ...valid, bodyValue: "x" })).toEqual(["3.2.5-notBodyBodyValue"]);
    expect(ids({ ...valid, created: "13 October 2015" })).toEqual([
      "3.3.1-annotationCreatedValidated",
    ]);
    expect(ids({ ...valid, modified: ["2015-10-13T13:00:00Z", "2015-10-14T13:00:00Z"] })).toEqual([
      "3.3.1-annotationModifiedValidated",
    ]);
    expect(ids({ ...valid, generated: "yesterday" })).toEqual([
      "3.3.1-annotationGeneratedValidated",
    ]);
    expect(ids({ ...valid, rights: "CC BY" })).toEqual(["3.3.6-annotationRightsValidated"]);
    expect(ids({ ...valid, canonical: ["urn:a:1", "urn:a:2"] })).toEqual([
      "3.3.7-annotationCanonicalValidated",
    ]);
    expect(ids({ ...valid, via: "no uri" })).toEqual(["3.3.7-annotationViaValidated"]);
    expect(ids("an annotation")).toEqual(["3.1-annotationTypeValidated"]);
  });

  it("fails each body and target assertion it ports", () => {
    const body = (b: unknown) => ids({ ...valid, body: b });
    const target = (t: unknown) => ids({ ...valid, target: t });
    expect(body({ type: "TextualBody", value: 3 })).toEqual(["3.2-bodyObjectsRecognized"]);
    expect(body({ ...valid.body, textDirection: "up" })).toEqual([
      "3.2.1-bodyTextDirectionValidated",
    ]);
    expect(body({ ...valid.body, created: "now" })).toEqual(["3.3.1-bodyCreatedValidated"]);
    expect(body({ ...valid.body, rights: 7 })).toEqual(["3.3.6-bodyRightsValidated"]);
    expect(body({ ...valid.body, items: [] })).toEqual(["3.2.7-bodyEmbeddedTextualNoItems"]);
    expect(body({ ...valid.body, source: "http://example.org/x" })).toEqual([
      "4-bodyEmbeddedTextualNoSource",
    ]);
    expect(body({ id: "http://example.org/img.jpg", purpose: "describing" })).toEqual([
      "3.3.5-bodyEWRNoPurpose",
    ]);
    expect(body({ type: "Choice", items: ["http://example.org/a"], value: "x" })).toEqual([
      "3.2-bodyObjectsRecognized",
      "3.2.4-bodyChoiceSetNoValue",
      // With a value it is a Textual Body too, and those have no items.
      "3.2.7-bodyEmbeddedTextualNoItems",
    ]);
    expect(
      target({
        source: "http://example.org/page1",
        selector: { type: "TextQuoteSelector", exact: 1 },
      }),
    ).toEqual(["3.2-targetObjectsRecognized", "4.2.4-textQuoteSelectorValid"]);
    expect(
      target({
        source: "http://example.org/page1",
        selector: [
          { type: "TextQuoteSelector", exact: "a" },
          { type: "TextPositionSelector", start: -1, end: 2 },
        ],
      }),
    ).toEqual(["3.2-targetObjectsRecognized", "4.2-TextDataPositionSelectorValid"]);
    expect(
      target({
        source: "http://example.org/page1",
        textDirection: "rtl",
        selector: { type: "TextQuoteSelector", exact: "a" },
        modified: "x",
      }),
    ).toEqual(["3.3.1-targModifiedValidated"]);
    expect(
      target({
        source: { id: "http://example.org/page1", textDirection: "down" },
        purpose: "tagging",
      }),
    ).toEqual(["3.2.1-targTextDirectionValidated"]);
    expect(
      target({
        source: { id: "http://example.org/p", source: "http://example.org/q" },
        purpose: "tagging",
      }),
    ).toEqual(["3.2-targetObjectsRecognized", "4-targSpecificResourceNoSource"]);
    expect(target("relative/path")).toEqual(["3.2-targetObjectsRecognized"]);
    expect(target({ type: "List", items: ["http://example.org/a"], purpose: "tagging" })).toEqual([
      "3.3.5-targChoiceSetNoPurpose",
    ]);
  });
});

describe("collectionMustViolations and pageMustViolations", () => {
  const collection = {
    "@context": ctx,
    id: "http://example.org/collection1",
    type: "AnnotationCollection",
    label: "Steampunk Annotations",
    total: 42023,
    first: "http://example.org/page1",
    last: "http://example.org/page42",
  };
  it("passes the model's example and fails each collection assertion", () => {
    expect(collectionMustViolations(collection)).toEqual([]);
    const of = (c: unknown) => collectionMustViolations(c).map((v) => v.assertion);
    expect(of({ ...collection, "@context": undefined })).toEqual([
      "5.1-collectionContextValidated",
    ]);
    expect(of({ ...collection, id: "page one" })).toEqual(["5.1-collectionIdValidated"]);
    expect(of({ ...collection, type: "Collection" })).toEqual(["5.1-collectionTypeValidated"]);
    expect(of({ ...collection, label: 7 })).toEqual(["5.1-collectionLabelValidated"]);
    expect(of({ ...collection, total: -1 })).toEqual(["5.1-collectionTotalValidated"]);
    expect(of({ ...collection, first: undefined })).toEqual(["5.1-collectionFirstValidated"]);
    expect(of({ ...collection, last: { type: "AnnotationPage" } })).toEqual([
      "5.1-collectionLastValidated",
    ]);
    expect(of({ ...collection, created: "2015" })).toEqual(["3.3.1-collectionCreatedValidated"]);
  });

  it("checks a page and the annotations it embeds", () => {
    const page = {
      "@context": ctx,
      id: "http://example.org/page1",
      type: "AnnotationPage",
      partOf: { id: "http://example.org/collection1", total: 42023 },
      next: "http://example.org/page2",
      startIndex: 0,
      items: [{ ...valid, "@context": undefined }, "http://example.org/anno9"],
    };
    expect(pageMustViolations(page)).toEqual([]);
    expect(
      pageMustViolations({ ...page, startIndex: 1.5, next: ["a", "b"] }).map((v) => v.assertion),
    ).toEqual(["5.2-pageNextValidated", "5.2-pageStartIndexValidated"]);
    expect(pageMustViolations({ ...page, items: [{ ...valid, id: "x y" }] })).toEqual([
      {
        assertion: "3.1-annotationIdValidated",
        message: "items[0]: id is one string of format uri",
      },
    ]);
  });
});

describe("formats", () => {
  it("tells URIs and RFC 3339 date-times", () => {
    for (const uri of [
      "http://example.org/a?b=c#d",
      "urn:uuid:1",
      "acct:sara@hypothes.is",
      "http://[::1]:80/",
      "https://x.org/%D8%A8",
    ])
      expect(isUri(uri), uri).toBe(true);
    for (const bad of [
      "",
      "example.org",
      "http://x.org/a b",
      "https://x.org/ب",
      "http://x.org/#a#b",
      "1http://x",
    ])
      expect(isUri(bad), bad).toBe(false);
    for (const date of [
      "2015-10-13T13:00:00Z",
      "2024-02-29T23:59:60.5+03:00",
      "2017-01-12T18:36:15.697572+00:00",
    ])
      expect(isDateTime(date), date).toBe(true);
    for (const bad of [
      "2015-10-13",
      "2023-02-29T00:00:00Z",
      "2015-13-01T00:00:00Z",
      "2015-10-13T24:00:00Z",
      "2015-10-13T13:00:00",
    ])
      expect(isDateTime(bad), bad).toBe(false);
  });
});
