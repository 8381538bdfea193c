// The protocol's MUSTs for single annotations (sections 3 and 5 of
// https://www.w3.org/TR/annotation-protocol/), each a named test, over real HTTP and PostgreSQL.
import { annotationMustViolations, type W3cAnnotation } from "@hashiya/annotation-schema/w3c";
import { beforeAll, describe, expect, it } from "vitest";
import { exportHttpResponse } from "../export/http";
import { rejectionOf } from "../testing/errors";
import { callerFor } from "../testing/factories";
import { jsonLd, refusalOf, useProtocolFixture, w3cAnnotation } from "./protocol-fixture";
import { ANNO_MEDIA_TYPE, LDP_RESOURCE, OA_ANNOTATION } from "./vocabulary";

const f = useProtocolFixture("api_protocol_annotation");
let container: string;
let textIri: string;

beforeAll(async () => {
  container = f.container(f.world.publicText.id);
  textIri = f.textIri(f.world.publicText.id);
});

async function created(words: string, extra: Record<string, unknown> = {}) {
  const response = await f.asToken(
    "student",
    container,
    jsonLd("POST", w3cAnnotation(textIri, "تروتسكي", words, extra)),
  );
  expect(response.status).toBe(201);
  return { response, document: (await response.json()) as W3cAnnotation };
}

describe("3. Annotation retrieval", () => {
  it("MUST support GET, HEAD and OPTIONS on the annotation's IRI", async () => {
    const { document } = await created("retrieval");
    const get = await f.asToken("student", document.id);
    expect(get.status).toBe(200);
    expect(((await get.json()) as W3cAnnotation).id).toBe(document.id);
    const head = await f.asToken("student", document.id, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect(head.headers.get("etag")).toBe(get.headers.get("etag"));
    const options = await fetch(document.id, { method: "OPTIONS" });
    expect(options.status).toBe(204);
    expect(options.headers.get("access-control-allow-methods")).toContain("GET");
  });

  it("MUST answer JSON-LD with Content-Type application/ld+json (and the anno profile, SHOULD)", async () => {
    const { document } = await created("content type");
    for (const accept of [null, ANNO_MEDIA_TYPE, "application/ld+json", "*/*"]) {
      const response = await f.asToken("student", document.id, {
        headers: accept ? { Accept: accept } : {},
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe(ANNO_MEDIA_TYPE);
    }
  });

  it("MUST have a Link header with rel=type ldp#Resource (and oa#Annotation, MAY)", async () => {
    const { document } = await created("link");
    const link = (await f.asToken("student", document.id)).headers.get("link") ?? "";
    expect(link).toContain(`<${LDP_RESOURCE}>; rel="type"`);
    expect(link).toContain(`<${OA_ANNOTATION}>; rel="type"`);
  });

  it("MUST have an ETag on GET and HEAD, and an Allow header listing the methods", async () => {
    const { document } = await created("etag");
    for (const method of ["GET", "HEAD"]) {
      const response = await f.asToken("student", document.id, { method });
      expect(response.headers.get("etag")).toMatch(/^"[\w-]+"$/);
      expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS, PUT, DELETE");
    }
  });

  it("MUST have Vary: Accept (content negotiation by Accept is supported)", async () => {
    const { document } = await created("vary");
    expect((await f.asToken("student", document.id)).headers.get("vary")).toContain("Accept");
  });

  it("answers 406 with a sentence to an Accept it cannot serve", async () => {
    const { document } = await created("406");
    const response = await f.asToken("student", document.id, {
      headers: { Accept: "text/turtle" },
    });
    expect(response.status).toBe(406);
    expect((await refusalOf(response)).messages.ar.length).toBeGreaterThan(0);
  });

  it("answers 304 to If-None-Match with the current ETag", async () => {
    const { document } = await created("304");
    const etag = (await f.asToken("student", document.id)).headers.get("etag") ?? "";
    const again = await f.asToken("student", document.id, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
  });

  it("serves every annotation as one that passes the model's MUSTs", async () => {
    const { document } = await created("musts", { motivation: "questioning" });
    expect(annotationMustViolations(document)).toEqual([]);
    const got = (await (await f.asToken("student", document.id)).json()) as W3cAnnotation;
    expect(annotationMustViolations(got)).toEqual([]);
  });

  it("resolves the exporter's annotation ids: an exported id is where the protocol serves it", async () => {
    const { document } = await created("EXPORTED");
    const user = f.world.users.get("student");
    const url = new URL(`${f.server.origin}/api/export/texts/x?format=w3c`);
    const exported = await exportHttpResponse(
      f.testDb.url,
      { userId: user!.id, isAdmin: false },
      { kind: "text", id: f.world.publicText.id },
      url,
      f.server.origin,
    );
    const collection = (await exported.json()) as { first: { items: W3cAnnotation[] } };
    const item = collection.first.items.find((a) => a.id === document.id);
    expect(item).toBeDefined();
    const served = (await (await f.asToken("student", item!.id)).json()) as W3cAnnotation;
    const { "@context": _, ...withoutContext } = served;
    expect(withoutContext).toEqual(item);
  });
});

describe("5.1 Create a new annotation", () => {
  it("MUST answer 201 with a Location header holding the new IRI, and the annotation", async () => {
    const { response, document } = await created("location");
    expect(response.headers.get("location")).toBe(document.id);
    expect(response.headers.get("content-type")).toBe(ANNO_MEDIA_TYPE);
    expect(response.headers.get("etag")).toMatch(/^"/);
  });

  it("MUST assign an IRI in id even when one is given, the container's IRI plus a segment", async () => {
    const { document } = await created("own id", { id: "http://elsewhere.example/anno/1" });
    expect(document.id).not.toBe("http://elsewhere.example/anno/1");
    expect(document.id.startsWith(container)).toBe(true);
    expect(document.id.slice(container.length)).toMatch(/^[^/?#]+$/);
  });

  it("keeps what it was sent: the comment, question, audience and tags", async () => {
    const { document } = await created("kept", {
      motivation: "questioning",
      audience: { type: "schema:Audience", "schema:audienceType": "instructors" },
      body: [
        { type: "TextualBody", value: "kept", format: "text/plain" },
        { type: "TextualBody", value: "تاريخ", purpose: "tagging" },
      ],
    });
    expect(document.motivation).toBe("questioning");
    expect(document.audience?.["schema:audienceType"]).toBe("instructors");
    expect(document.body?.map((b) => b.purpose)).toEqual(["questioning", "tagging"]);
    expect(document.creator.id).toContain(f.world.users.get("student")!.id);
  });

  it("keeps a canonical IRI unchanged (MUST) by refusing what it could not keep, with a sentence", async () => {
    const response = await f.asToken(
      "student",
      container,
      jsonLd("POST", w3cAnnotation(textIri, "تروتسكي", "x", { canonical: "urn:uuid:1" })),
    );
    expect(response.status).toBe(400);
    expect((await refusalOf(response)).code).toBe("protocol.canonical_unsupported");
  });

  it("refuses bad JSON with 400 and a sentence in both languages", async () => {
    const response = await f.asToken("student", container, jsonLd("POST", "{not json"));
    expect(response.status).toBe(400);
    const error = await refusalOf(response);
    expect(error.code).toBe("protocol.bad_json");
    expect(error.messages.en).toMatch(/JSON/);
    expect(error.messages.ar.length).toBeGreaterThan(0);
  });

  it("refuses a body that is not a W3C annotation with 400, saying what is wrong", async () => {
    for (const document of [
      { hello: "world" },
      [1, 2],
      { ...w3cAnnotation(textIri, "تروتسكي", "x"), target: undefined },
    ]) {
      const response = await f.asToken("student", container, jsonLd("POST", document));
      expect(response.status).toBe(400);
      const error = await refusalOf(response);
      expect(error.code).toBe("protocol.not_annotation");
      expect(error.messages.en.length).toBeGreaterThan(40);
    }
  });

  it("refuses a target on another document, and a quote the text does not hold", async () => {
    const elsewhere = await f.asToken(
      "student",
      container,
      jsonLd("POST", w3cAnnotation("https://example.org/page", "تروتسكي", "x")),
    );
    expect(elsewhere.status).toBe(400);
    expect((await refusalOf(elsewhere)).code).toBe("protocol.wrong_target");
    const missing = await f.asToken(
      "student",
      container,
      jsonLd("POST", w3cAnnotation(textIri, "not in this text", "x")),
    );
    expect(missing.status).toBe(400);
    expect((await refusalOf(missing)).code).toBe("protocol.quote_not_found");
  });

  it("refuses a body over the app's request cap with 413", async () => {
    const huge = w3cAnnotation(textIri, "تروتسكي", "x".repeat(300 * 1024));
    const response = await f.asToken("student", container, jsonLd("POST", huge));
    expect(response.status).toBe(413);
    expect((await refusalOf(response)).code).toBe("request.too_large");
  });

  it("refuses another media type with 415", async () => {
    const response = await f.asToken("student", container, {
      method: "POST",
      headers: { "Content-Type": "text/turtle" },
      body: "<a> <b> <c> .",
    });
    expect(response.status).toBe(415);
    expect((await refusalOf(response)).code).toBe("protocol.unsupported_type");
  });

  it("validates the comment as the app does (an empty comment is refused)", async () => {
    const response = await f.asToken(
      "student",
      container,
      jsonLd("POST", { ...w3cAnnotation(textIri, "تروتسكي", ""), body: undefined }),
    );
    expect(response.status).toBe(400);
    expect((await refusalOf(response)).code).toBe("comment.empty");
  });
});

describe("5.3 Update an existing annotation", () => {
  it("MUST return 200 with the new state, and a new ETag", async () => {
    const { response, document } = await created("before");
    const etag = response.headers.get("etag") ?? "";
    const body = [{ type: "TextualBody", value: "after", format: "text/plain" }];
    const put = await f.asToken(
      "student",
      document.id,
      jsonLd("PUT", { ...document, body }, { "If-Match": etag }),
    );
    expect(put.status).toBe(200);
    const after = (await put.json()) as W3cAnnotation;
    expect(after.body?.[0]?.value).toContain(">after</p>");
    expect(after.modified).toBeDefined();
    expect(put.headers.get("etag")).not.toBe(etag);
    expect(annotationMustViolations(after)).toEqual([]);
    const got = (await (await f.asToken("student", document.id)).json()) as W3cAnnotation;
    expect(got).toEqual(after);
  });

  it("answers 412 to an If-Match that is no longer the ETag, and changes nothing", async () => {
    const { response, document } = await created("first");
    const stale = response.headers.get("etag") ?? "";
    const edit = (value: string, etag: string) =>
      f.asToken(
        "student",
        document.id,
        jsonLd("PUT", { ...document, body: { type: "TextualBody", value } }, { "If-Match": etag }),
      );
    expect((await edit("second", stale)).status).toBe(200);
    const late = await edit("third", stale);
    expect(late.status).toBe(412);
    expect((await refusalOf(late)).code).toBe("protocol.precondition_failed");
    const got = (await (await f.asToken("student", document.id)).json()) as W3cAnnotation;
    expect(got.body?.[0]?.value).toContain(">second</p>");
  });

  it("checks the precondition again under the text's lock: a write in between is a 412", async () => {
    const { document } = await created("raced");
    const id = document.id.slice(container.length);
    const seen = await f.testDb.db.annotation.findUniqueOrThrow({ where: { id } });
    const student = callerFor(f.testDb.db, f.world.users.get("student")!);
    // Another write (the web app's) lands after the protocol read the annotation.
    await student.annotation.edit({ annotationId: id, isQuestion: true });
    const late = student.annotation.edit({
      annotationId: id,
      isQuestion: false,
      unchangedSince: seen.updatedAt,
    });
    expect(await rejectionOf(late)).toBe("protocol.precondition_failed");
    const lateDelete = student.annotation.delete({
      annotationId: id,
      unchangedSince: seen.updatedAt,
    });
    expect(await rejectionOf(lateDelete)).toBe("protocol.precondition_failed");
    expect((await f.asToken("student", document.id)).status).toBe(200);
  });

  it("answers 428 to a PUT without If-Match (lost updates are refused, not risked)", async () => {
    const { document } = await created("no if-match");
    const response = await f.asToken("student", document.id, jsonLd("PUT", document));
    expect(response.status).toBe(428);
    expect((await refusalOf(response)).code).toBe("protocol.precondition_required");
  });

  it("refuses to move the passage or to change the id", async () => {
    const { response, document } = await created("fixed");
    const etag = response.headers.get("etag") ?? "";
    const moved = await f.asToken(
      "student",
      document.id,
      jsonLd(
        "PUT",
        { ...w3cAnnotation(textIri, "المعسكرين", "moved"), id: document.id },
        { "If-Match": etag },
      ),
    );
    expect(moved.status).toBe(400);
    expect((await refusalOf(moved)).code).toBe("protocol.target_changed");
    const renamed = await f.asToken(
      "student",
      document.id,
      jsonLd("PUT", { ...document, id: `${container}other` }, { "If-Match": etag }),
    );
    expect(renamed.status).toBe(400);
    expect((await refusalOf(renamed)).code).toBe("protocol.id_mismatch");
  });
});

describe("5.4 Delete an existing annotation", () => {
  it("MUST answer 204, and the IRI MUST leave the container", async () => {
    const { response, document } = await created("to delete");
    const stale = await f.asToken("student", document.id, {
      method: "DELETE",
      headers: { "If-Match": '"not-the-etag"' },
    });
    expect(stale.status).toBe(412);
    const gone = await f.asToken("student", document.id, {
      method: "DELETE",
      headers: { "If-Match": response.headers.get("etag") ?? "" },
    });
    expect(gone.status).toBe(204);
    expect((await f.asToken("student", document.id)).status).toBe(404);
    const listed = await f.asToken("student", `${container}?iris=1&page=0`);
    expect(((await listed.json()) as { items: string[] }).items).not.toContain(document.id);
  });
});

describe("methods", () => {
  it("answers 405 with Allow to a method the resource does not support", async () => {
    const { document } = await created("405");
    const response = await f.asToken("student", document.id, { method: "PATCH", body: "{}" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS, PUT, DELETE");
  });
});
