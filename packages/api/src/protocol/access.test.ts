// Who may do what through the protocol, per persona and method (DESIGN "Who may do what"):
// reads follow the reader's lens (private, instructors-only, hidden, pending), writes need a
// personal API token and are the app's own procedures' to allow or refuse.
import type { W3cAnnotation } from "@hashiya/annotation-schema/w3c";
import { beforeAll, describe, expect, it } from "vitest";
import { annotationInput, bodyOf, callerFor } from "../testing/factories";
import { allPersonas, type Persona } from "../testing/personas";
import { jsonLd, refusalOf, useProtocolFixture, w3cAnnotation } from "./protocol-fixture";

const f = useProtocolFixture("api_protocol_access");
const notes = new Map<"course" | "private" | "instructors" | "hidden", string>();

const readers: Persona[] = ["student", "moderator", "instructor", "admin"];
const staff: Persona[] = ["moderator", "instructor", "admin"];

beforeAll(async () => {
  const classmate = callerFor(f.testDb.db, f.world.classmate);
  const text = f.world.privateText;
  for (const visibility of ["course", "private", "instructors"] as const) {
    const { thread } = await classmate.annotation.create(
      annotationInput(text, { visibility, body: bodyOf(`CLASSMATE ${visibility}`) }),
    );
    notes.set(visibility, thread!.id);
  }
  const { thread } = await classmate.annotation.create(
    annotationInput(text, { body: bodyOf("HIDDEN") }),
  );
  notes.set("hidden", thread!.id);
  const moderator = callerFor(f.testDb.db, f.world.users.get("moderator")!);
  await moderator.moderation.hide({
    target: { type: "annotation", id: thread!.id },
    reason: "off topic",
  });
});

const iri = (id: string) => `${f.container(f.world.privateText.id)}${id}`;

async function listedIds(persona: Persona, textId: string): Promise<string[] | number> {
  const response = await f.asToken(persona, `${f.container(textId)}?iris=1&page=0`);
  if (response.status !== 200) return response.status;
  return ((await response.json()) as { items: string[] }).items;
}

describe.each(allPersonas)("as %s", (persona) => {
  const reader = readers.includes(persona);

  it("reads the public text's container; the course text's only as a reader of it", async () => {
    expect((await f.asToken(persona, f.container(f.world.publicText.id))).status).toBe(200);
    expect((await f.asToken(persona, f.container(f.world.privateText.id))).status).toBe(
      reader ? 200 : 404,
    );
    const head = await f.asToken(persona, f.container(f.world.privateText.id), { method: "HEAD" });
    expect(head.status).toBe(reader ? 200 : 404);
    // OPTIONS says what may be done, to anyone (a CORS preflight carries no credentials).
    const options = await f.asToken(persona, f.container(f.world.privateText.id), {
      method: "OPTIONS",
    });
    expect(options.status).toBe(204);
    // The browser's session reads the same.
    expect((await f.asSession(persona, f.container(f.world.privateText.id))).status).toBe(
      reader ? 200 : 404,
    );
  });

  it("sees listed, and can fetch, exactly what the lens shows: never another's private note", async () => {
    const expected = new Map([
      ["course", reader],
      ["private", false],
      ["instructors", staff.includes(persona)],
      ["hidden", staff.includes(persona)],
    ] as const);
    const listed = await listedIds(persona, f.world.privateText.id);
    for (const [kind, visible] of expected) {
      const id = notes.get(kind)!;
      if (typeof listed !== "number") expect(listed.includes(iri(id)), kind).toBe(visible);
      const response = await f.asToken(persona, iri(id));
      expect(response.status, kind).toBe(visible ? 200 : 404);
      if (!visible) expect((await refusalOf(response)).messages.en.length).toBeGreaterThan(0);
    }
  });

  it("creates, replaces and deletes its own annotations with a token, as the app allows", async () => {
    const writer = reader;
    for (const text of [f.world.publicText, f.world.privateText]) {
      const document = w3cAnnotation(f.textIri(text.id), "تروتسكي", `BY ${persona}`);
      const created = await f.asToken(persona, f.container(text.id), jsonLd("POST", document));
      const refused = persona === "anonymous" ? 401 : text === f.world.publicText ? 403 : 404;
      expect(created.status).toBe(writer ? 201 : refused);
      if (!writer) continue;
      const own = (await created.json()) as W3cAnnotation;
      const etag = created.headers.get("etag") ?? "";
      const replaced = await f.asToken(
        persona,
        own.id,
        jsonLd("PUT", { ...own, motivation: "questioning" }, { "If-Match": etag }),
      );
      expect(replaced.status).toBe(200);
      expect((await f.asToken(persona, own.id, { method: "DELETE" })).status).toBe(204);
    }
  });

  it("cannot replace or delete a classmate's annotation", async () => {
    const id = notes.get("course")!;
    const document = {
      ...w3cAnnotation(f.textIri(f.world.privateText.id), "تروتسكي", "NOT YOURS"),
      id: iri(id),
    };
    const put = await f.asToken(persona, iri(id), jsonLd("PUT", document, { "If-Match": "*" }));
    const del = await f.asToken(persona, iri(id), { method: "DELETE" });
    const expected = persona === "anonymous" ? 401 : reader ? 403 : 404;
    expect(put.status).toBe(expected);
    expect(del.status).toBe(expected);
    expect((await refusalOf(del)).messages.ar.length).toBeGreaterThan(0);
  });

  it("cannot write with the browser's session alone: 401 with WWW-Authenticate and a sentence", async () => {
    const document = w3cAnnotation(f.textIri(f.world.publicText.id), "تروتسكي", "SESSION");
    const response = await f.asSession(
      persona,
      f.container(f.world.publicText.id),
      jsonLd("POST", document),
    );
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="hashiya"');
    expect((await refusalOf(response)).code).toBe("protocol.token_required");
  });
});

describe("tokens", () => {
  it("refuses an unknown or revoked token with 401, WWW-Authenticate and a sentence, even to read", async () => {
    const user = f.world.users.get("student")!;
    const caller = callerFor(f.testDb.db, user);
    const { id, token } = await caller.apiToken.create({ name: "to revoke" });
    const url = f.container(f.world.publicText.id);
    const withToken = (value: string) =>
      fetch(url, { headers: { Authorization: `Bearer ${value}` } });
    expect((await withToken(token)).status).toBe(200);
    const row = await f.testDb.db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.lastUsedAt).not.toBeNull();
    expect(row.tokenHash).not.toContain(token.slice(4));
    await caller.apiToken.revoke({ id });
    for (const value of [token, "hsy_unknown", "not-even-a-token"]) {
      const response = await withToken(value);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe(
        'Bearer realm="hashiya", error="invalid_token"',
      );
      const error = await refusalOf(response);
      expect(error.code).toBe("api_token.invalid");
      expect(error.messages.ar.length).toBeGreaterThan(0);
    }
  });

  it("lists one's tokens without their secrets", async () => {
    const caller = callerFor(f.testDb.db, f.world.users.get("moderator")!);
    const { token } = await caller.apiToken.create({ name: "  listed  " });
    const list = await caller.apiToken.list();
    expect(list[0]?.name).toBe("listed");
    expect(JSON.stringify(list)).not.toContain(token);
  });
});

describe("pre-moderation", () => {
  it("holds a student's new annotation: the author and staff see it, others do not", async () => {
    await f.testDb.db.course.update({
      where: { id: f.world.courseId },
      data: { preModeration: true },
    });
    try {
      const text = f.world.publicText;
      const document = w3cAnnotation(f.textIri(text.id), "تروتسكي", "HELD");
      const created = await f.asToken("student", f.container(text.id), jsonLd("POST", document));
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as W3cAnnotation;
      for (const persona of allPersonas) {
        const sees = persona === "student" || staff.includes(persona);
        expect((await f.asToken(persona, id)).status, persona).toBe(sees ? 200 : 404);
        const listed = await listedIds(persona, text.id);
        expect(typeof listed !== "number" && listed.includes(id), persona).toBe(sees);
      }
    } finally {
      await f.testDb.db.course.update({
        where: { id: f.world.courseId },
        data: { preModeration: false },
      });
    }
  });
});
