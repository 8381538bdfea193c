// The protocol's MUSTs for annotation containers and their pages (section 4 of
// https://www.w3.org/TR/annotation-protocol/), each a named test, over real HTTP and PostgreSQL.
import {
  annotationMustViolations,
  collectionMustViolations,
  pageMustViolations,
  type W3cAnnotation,
} from "@hashiya/annotation-schema/w3c";
import { beforeAll, describe, expect, it } from "vitest";
import { jsonLd, refusalOf, useProtocolFixture, w3cAnnotation } from "./protocol-fixture";
import {
  ANNO_MEDIA_TYPE,
  LDP_BASIC_CONTAINER,
  LDP_CONSTRAINED_BY,
  LDP_PREFER_MINIMAL_CONTAINER,
  OA_PREFER_CONTAINED_DESCRIPTIONS,
  OA_PREFER_CONTAINED_IRIS,
  PROTOCOL_CONSTRAINTS,
} from "./vocabulary";

const PAGE_SIZE = 3;
const ANNOTATIONS = 7;

const f = useProtocolFixture("api_protocol_container", { pageSize: PAGE_SIZE });
let container: string;
const createdIds: string[] = [];

type Page = {
  id: string;
  type: string;
  items: unknown[];
  next?: string;
  prev?: string;
  startIndex: number;
  partOf?: { id: string; total: number };
};
type Container = {
  id: string;
  type: string[];
  "@context": string[];
  total: number;
  label: string;
  modified?: string;
  first: Page | string;
  last: string;
};

const prefer = (...include: string[]) => ({
  Prefer: `return=representation;include="${include.join(" ")}"`,
});

beforeAll(async () => {
  const textId = f.world.publicText.id;
  container = f.container(textId);
  for (let k = 0; k < ANNOTATIONS; k++) {
    const response = await f.asToken(
      k % 2 ? "student" : "instructor",
      container,
      jsonLd("POST", w3cAnnotation(f.textIri(textId), "المعسكرين", `CONTAINED ${k}`)),
    );
    expect(response.status).toBe(201);
    createdIds.push(((await response.json()) as W3cAnnotation).id);
  }
});

describe("4. Annotation containers", () => {
  it("MUST have a container IRI without query or fragment, whose path ends in '/'", () => {
    const url = new URL(container);
    expect(url.search).toBe("");
    expect(url.hash).toBe("");
    expect(url.pathname.endsWith("/")).toBe(true);
  });

  it("MUST give annotations IRIs that are the container's IRI plus a segment", () => {
    for (const id of createdIds) expect(id.startsWith(container)).toBe(true);
  });
});

describe("4.1 Container retrieval", () => {
  it("MUST support GET, HEAD and OPTIONS on the container's IRI", async () => {
    const get = await fetch(container);
    expect(get.status).toBe(200);
    const head = await fetch(container, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect(head.headers.get("etag")).toBe(get.headers.get("etag"));
    const options = await fetch(container, { method: "OPTIONS" });
    expect(options.status).toBe(204);
  });

  it("MUST return a description of the container in JSON-LD, even without Accept", async () => {
    const response = await fetch(container);
    expect(response.headers.get("content-type")).toBe(ANNO_MEDIA_TYPE);
    const description = (await response.json()) as Container;
    expect(description["@context"]).toEqual([
      "http://www.w3.org/ns/anno.jsonld",
      "http://www.w3.org/ns/ldp.jsonld",
    ]);
    expect(description.type).toEqual(["BasicContainer", "AnnotationCollection"]);
    expect(description.label.length).toBeGreaterThan(0);
  });

  it("MUST send a Link header with rel=type BasicContainer and ldp#constrainedBy on all responses", async () => {
    const responses = [
      await fetch(container),
      await fetch(container, { method: "HEAD" }),
      await fetch(container, { method: "OPTIONS" }),
      await fetch(container, jsonLd("POST", {})),
      await fetch(container, { method: "PATCH" }),
    ];
    for (const response of responses) {
      const link = response.headers.get("link") ?? "";
      expect(link).toContain(`<${LDP_BASIC_CONTAINER}>; rel="type"`);
      expect(link).toContain(`<${PROTOCOL_CONSTRAINTS}>; rel="${LDP_CONSTRAINED_BY}"`);
    }
  });

  it("MUST send an ETag on GET and HEAD, Allow with every method, Vary with Accept, and Accept-Post", async () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      const response = await fetch(container, { method });
      if (method !== "OPTIONS") expect(response.headers.get("etag")).toMatch(/^"[\w-]+"$/);
      expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS, POST");
      expect(response.headers.get("vary")).toContain("Accept");
      expect(response.headers.get("accept-post")).toBe(ANNO_MEDIA_TYPE);
    }
  });

  it("changes its ETag when its content changes", async () => {
    const before = (await fetch(container)).headers.get("etag");
    expect((await fetch(container)).headers.get("etag")).toBe(before);
    const response = await f.asToken(
      "student",
      container,
      jsonLd("POST", w3cAnnotation(f.textIri(f.world.publicText.id), "تروتسكي", "ETAG")),
    );
    const { id } = (await response.json()) as W3cAnnotation;
    const added = (await fetch(container)).headers.get("etag");
    expect(added).not.toBe(before);
    await f.asToken("student", id, { method: "DELETE" });
    const removed = (await fetch(container)).headers.get("etag");
    expect(removed).not.toBe(added);
  });

  it("answers 406 to an Accept it cannot serve, and 404 for a text that is not there", async () => {
    expect((await fetch(container, { headers: { Accept: "text/turtle" } })).status).toBe(406);
    const missing = await fetch(f.container("no-such-text"));
    expect(missing.status).toBe(404);
    expect((await refusalOf(missing)).messages.ar.length).toBeGreaterThan(0);
  });
});

describe("4.2 Container representations", () => {
  it("MUST be an AnnotationCollection with an IRI, a total, and first (and last) when not empty", async () => {
    const description = (await (await fetch(container)).json()) as Container;
    expect(collectionMustViolations(description)).toEqual([]);
    expect(description.total).toBe(ANNOTATIONS);
    expect(description.modified).toBeDefined();
    expect(description.last).toBe(`${container}?iris=0&page=2`);
  });

  it("MUST send Content-Location with the IRI of the representation it chose", async () => {
    const descriptions = await fetch(container);
    expect(descriptions.headers.get("content-location")).toBe(`${container}?iris=0`);
    const iris = await fetch(container, { headers: prefer(OA_PREFER_CONTAINED_IRIS) });
    expect(iris.headers.get("content-location")).toBe(`${container}?iris=1`);
  });

  it("defaults to PreferContainedDescriptions: the first page embedded with whole annotations", async () => {
    const description = (await (await fetch(container)).json()) as Container;
    const first = description.first as Page;
    expect(first.type).toBe("AnnotationPage");
    expect(first.items).toHaveLength(PAGE_SIZE);
    expect(pageMustViolations(first, { contextInherited: true })).toEqual([]);
    for (const item of first.items)
      expect(annotationMustViolations(item, { contextInherited: true })).toEqual([]);
  });

  it("MUST answer PreferContainedIRIs with a first page whose items are only IRIs", async () => {
    const response = await fetch(container, { headers: prefer(OA_PREFER_CONTAINED_IRIS) });
    expect(response.headers.get("preference-applied")).toBe("return=representation");
    const first = ((await response.json()) as Container).first as Page;
    expect(first.items).toEqual(createdIds.slice(0, PAGE_SIZE));
    expect(first.next).toBe(`${container}?iris=1&page=1`);
  });

  it("MUST answer PreferContainedDescriptions with a first page of complete annotations", async () => {
    const response = await fetch(container, { headers: prefer(OA_PREFER_CONTAINED_DESCRIPTIONS) });
    const first = ((await response.json()) as Container).first as Page;
    expect((first.items as W3cAnnotation[]).map((a) => a.id)).toEqual(
      createdIds.slice(0, PAGE_SIZE),
    );
  });

  it("MUST NOT embed annotations or their IRIs for PreferMinimalContainer, linking first and last", async () => {
    const response = await fetch(container, {
      headers: prefer(LDP_PREFER_MINIMAL_CONTAINER, OA_PREFER_CONTAINED_IRIS),
    });
    const text = await response.text();
    const description = JSON.parse(text) as Container;
    expect(description.first).toBe(`${container}?iris=1&page=0`);
    expect(description.last).toBe(`${container}?iris=1&page=2`);
    for (const id of createdIds) expect(text).not.toContain(id);
    expect(text).not.toContain("contains");
  });
});

describe("4.3 Annotation pages", () => {
  it("MUST have an IRI, type AnnotationPage, partOf its collection, and next on all but the last", async () => {
    for (const iris of [0, 1]) {
      let url: string | undefined = `${container}?iris=${iris}&page=0`;
      const seen: unknown[] = [];
      let pages = 0;
      while (url) {
        const response = await fetch(url);
        expect(response.status).toBe(200);
        expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
        const page = (await response.json()) as Page;
        expect(pageMustViolations(page)).toEqual([]);
        expect(page.id).toBe(url);
        expect(page.partOf).toMatchObject({ id: `${container}?iris=${iris}`, total: ANNOTATIONS });
        expect(page.startIndex).toBe(pages * PAGE_SIZE);
        if (pages > 0) expect(page.prev).toBe(`${container}?iris=${iris}&page=${pages - 1}`);
        seen.push(...page.items);
        url = page.next;
        pages++;
      }
      expect(pages).toBe(3);
      const ids = seen.map((item) =>
        typeof item === "string" ? item : (item as W3cAnnotation).id,
      );
      // Traversing every page gives back the whole container, in order.
      expect(ids).toEqual(createdIds);
    }
  });

  it("answers 404 for a page past the last", async () => {
    expect((await fetch(`${container}?iris=0&page=3`)).status).toBe(404);
    expect((await fetch(`${container}?iris=0&page=-1`)).status).toBe(404);
  });
});
