// The header parsing the protocol's answers depend on: Accept, Content-Type, Prefer, If-Match.
import { describe, expect, it } from "vitest";
import { etagOf, ifMatchHolds, ifNoneMatchHits } from "./etag";
import { acceptsAnnotationJson, containerPreference, isAnnotationContentType } from "./negotiation";

describe("Accept", () => {
  it.each([
    [null, true],
    ["", true],
    ['application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', true],
    [
      'application/ld+json;profile="http://www.w3.org/ns/activitystreams http://www.w3.org/ns/anno.jsonld"',
      true,
    ],
    ['application/ld+json; profile="http://www.w3.org/ns/activitystreams"', false],
    ["text/html, application/json;q=0.5", true],
    ["text/turtle", false],
    ["*/*;q=0", false],
    ["text/turtle, */*;q=0.1", true],
  ])("%s → %s", (accept, ok) => {
    expect(acceptsAnnotationJson(accept)).toBe(ok);
  });
});

describe("Content-Type", () => {
  it.each([
    ['application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', true],
    ["application/ld+json", true],
    ["application/json; charset=utf-8", true],
    ['application/ld+json; profile="http://example.org/other"', false],
    ["text/plain", false],
    [null, false],
  ])("%s → %s", (type, ok) => {
    expect(isAnnotationContentType(type)).toBe(ok);
  });
});

describe("Prefer", () => {
  const include = (iris: string) => `return=representation;include="${iris}"`;
  it("defaults to descriptions, embedded, nothing applied", () => {
    expect(containerPreference(null)).toEqual({ minimal: false, iris: false, applied: false });
  });
  it("reads minimal and IRIs together, and descriptions over IRIs when both are asked", () => {
    expect(
      containerPreference(
        include(
          "http://www.w3.org/ns/ldp#PreferMinimalContainer http://www.w3.org/ns/oa#PreferContainedIRIs",
        ),
      ),
    ).toEqual({ minimal: true, iris: true, applied: true });
    expect(
      containerPreference(
        include(
          "http://www.w3.org/ns/oa#PreferContainedIRIs http://www.w3.org/ns/oa#PreferContainedDescriptions",
        ),
      ).iris,
    ).toBe(false);
  });
  it("ignores preferences other than return=representation", () => {
    expect(containerPreference("respond-async, wait=10").applied).toBe(false);
  });
});

describe("ETags", () => {
  const etag = etagOf("2026-01-01T00:00:00.000Z", "{}");
  it("change with any part", () => {
    expect(etagOf("2026-01-01T00:00:00.001Z", "{}")).not.toBe(etag);
    expect(etagOf("2026-01-01T00:00:00.000Z", "{ }")).not.toBe(etag);
  });
  it("If-Match compares strongly: a weak tag never matches; * does", () => {
    expect(ifMatchHolds(etag, etag)).toBe(true);
    expect(ifMatchHolds(`"other", ${etag}`, etag)).toBe(true);
    expect(ifMatchHolds(`W/${etag}`, etag)).toBe(false);
    expect(ifMatchHolds("*", etag)).toBe(true);
    expect(ifMatchHolds('"other"', etag)).toBe(false);
  });
  it("If-None-Match compares weakly", () => {
    expect(ifNoneMatchHits(`W/${etag}`, etag)).toBe(true);
    expect(ifNoneMatchHits('"other"', etag)).toBe(false);
  });
});
