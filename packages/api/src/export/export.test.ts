// Exports per persona against real PostgreSQL: what each may see and nothing else (DESIGN
// "Deleting", "Who may do what"), every format, the CSV byte-order mark, W3C MUSTs, and that
// the stream writes its first bytes before the database has been read to the end.
import { hashiyaExportSchema } from "@hashiya/annotation-schema";
import {
  annotationMustViolations,
  collectionMustViolations,
  type W3cAnnotationCollection,
} from "@hashiya/annotation-schema/w3c";
import type { Db } from "@hashiya/db";
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { annotationInput, bodyOf, callerFor } from "../testing/factories";
import {
  allPersonas,
  buildCourseWorld,
  type CourseWorld,
  type Persona,
  staffPersonas,
} from "../testing/personas";
import { createExport, type ExportFormatName, exportFormatNames, exportOf } from "./index";
import { textExportScope } from "./scope";

let testDb: TestDatabase;
let world: CourseWorld;
let hiddenThread: string;
const BASE = "https://hashiya.example";

const ALL_WORDS = [
  "COURSEBODY",
  "PRIVATECLASSMATE",
  "PRIVATESTUDENT",
  "STAFFONLY",
  "HIDDENBODY",
  "DELETEDBODY",
  "REPLYONDELETED",
  "DELETEDREPLY",
  "STUDENTREPLY",
  "STUDENTOWN",
  "STUDENTHIDDEN",
];
/** What each who may export the course-only text finds in it. */
const STAFF_SEES = [
  "COURSEBODY",
  "STAFFONLY",
  "HIDDENBODY",
  "REPLYONDELETED",
  "STUDENTREPLY",
  "STUDENTOWN",
  "STUDENTHIDDEN",
];
const STUDENT_SEES = ["PRIVATESTUDENT", "REPLYONDELETED", "STUDENTREPLY", "STUDENTOWN"];

beforeAll(async () => {
  testDb = await createTestDatabase("api_export");
  world = await buildCourseWorld(testDb.db);
  const text = world.privateText;
  const classmate = callerFor(testDb.db, world.classmate);
  const student = callerFor(testDb.db, world.users.get("student") ?? null);
  const moderator = callerFor(testDb.db, world.users.get("moderator") ?? null);
  const post = async (who: typeof student, word: string, extra = {}) =>
    (await who.annotation.create(annotationInput(text, { body: bodyOf(`نص ${word}`), ...extra })))
      .thread!.id;
  const reply = async (who: typeof student, annotationId: string, word: string) => {
    const { thread } = await who.reply.create({ annotationId, body: bodyOf(`رد ${word}`) });
    return thread!.replies.at(-1)!.id;
  };
  const course = await post(classmate, "COURSEBODY", { tags: ["وسم"] });
  await reply(student, course, "STUDENTREPLY");
  await classmate.reply.delete({ replyId: await reply(classmate, course, "DELETEDREPLY") });
  await post(classmate, "PRIVATECLASSMATE", { visibility: "private" });
  await post(student, "PRIVATESTUDENT", { visibility: "private" });
  await post(classmate, "STAFFONLY", { visibility: "instructors" });
  hiddenThread = await post(classmate, "HIDDENBODY");
  await moderator.moderation.hide({
    target: { type: "annotation", id: hiddenThread },
    reason: "خارج الموضوع",
  });
  const deleted = await post(classmate, "DELETEDBODY");
  await reply(student, deleted, "REPLYONDELETED");
  await classmate.annotation.delete({ annotationId: deleted });
  await post(student, "STUDENTOWN");
  const studentHidden = await post(student, "STUDENTHIDDEN");
  await moderator.moderation.hide({
    target: { type: "annotation", id: studentHidden },
    reason: "خارج الموضوع",
  });
});
afterAll(async () => {
  await testDb?.drop();
});

const userOf = (persona: Persona) => world.users.get(persona) ?? null;
const actorOf = (persona: Persona) => {
  const user = userOf(persona);
  return user ? { userId: user.id, isAdmin: user.isAdmin === true } : null;
};

async function exportText(persona: Persona, format: ExportFormatName, bom = false) {
  const response = await createExport(testDb.db, actorOf(persona), {
    kind: "text",
    id: world.privateText.id,
    format,
    bom,
    baseUrl: BASE,
    batchSize: 2,
  });
  if (!response) return null;
  // Decoded keeping a byte-order mark, so that the test sees it.
  const bytes = await new Response(response.body).arrayBuffer();
  return { ...response, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

describe("who may export the course-only text", () => {
  it.each(allPersonas)("%s", async (persona) => {
    const response = await exportText(persona, "json");
    const allowed = ["student", ...staffPersonas].includes(persona);
    expect(response !== null).toBe(allowed);
  });
});

describe.each(exportFormatNames)("%s export", (format) => {
  it.each([
    ...staffPersonas.map((p) => [p, STAFF_SEES] as const),
    ["student", STUDENT_SEES] as const,
  ])("%s sees exactly what DESIGN lets them", async (persona, sees) => {
    const response = await exportText(persona, format);
    expect(response).not.toBeNull();
    const found = ALL_WORDS.filter((word) => response!.text.includes(word));
    expect(found.sort()).toEqual([...sees].sort());
  });
});

describe("contents", () => {
  it("CSV: a header, one row per item, the BOM only when asked", async () => {
    const plain = await exportText("instructor", "csv");
    expect(plain!.text.startsWith("kind,id,thread_id")).toBe(true);
    expect(plain!.contentType).toBe("text/csv; charset=utf-8");
    const withBom = await exportText("instructor", "csv", true);
    expect(withBom!.text.charCodeAt(0)).toBe(0xfeff);
    expect(withBom!.text.slice(1)).toBe(plain!.text);
    const rows = parse(plain!.text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(STAFF_SEES.length);
    const hidden = rows.find((row) => row.body?.includes("HIDDENBODY"));
    expect(hidden?.moderation_state).toBe("hidden");
    expect(hidden?.moderation_reason).toBe("خارج الموضوع");
    const reply = rows.find((row) => row.body?.includes("STUDENTREPLY"));
    expect(reply?.kind).toBe("reply");
    expect(reply?.role).toBe("student");
    expect(rows.find((row) => row.body?.includes("COURSEBODY"))?.tags).toBe("وسم");
  });

  it("JSON: our versioned schema; the moderator-hidden item marked for staff", async () => {
    const response = await exportText("moderator", "json");
    const document = hashiyaExportSchema.parse(JSON.parse(response!.text));
    expect(document.version).toBe(1);
    expect(document.items).toHaveLength(STAFF_SEES.length);
    const hidden = document.items.find((item) => item.id === hiddenThread);
    expect(hidden?.moderation).toEqual({ state: "hidden", reason: "خارج الموضوع" });
    const tagged = document.items.find((item) => item.bodyText.includes("COURSEBODY"));
    expect(tagged?.tags).toEqual(["وسم"]);
    expect(tagged?.quote.exact.length).toBeGreaterThan(0);
    expect(tagged?.quote.suffix.length).toBeGreaterThan(0);
    const student = hashiyaExportSchema.parse(
      JSON.parse((await exportText("student", "json"))!.text),
    );
    expect(student.scope.ownWorkOnly).toBe(true);
    expect(student.items.every((item) => item.moderation?.state !== "hidden")).toBe(true);
  });

  it("W3C: a collection whose every annotation passes the MUST assertions", async () => {
    for (const persona of ["instructor", "student"] as const) {
      const response = await exportText(persona, "w3c");
      expect(response!.contentType).toBe(
        'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
      );
      const collection = JSON.parse(response!.text) as W3cAnnotationCollection;
      expect(collectionMustViolations(collection)).toEqual([]);
      const page = collection.first as { items: unknown[] };
      expect(page.items.length).toBeGreaterThan(0);
      for (const item of page.items)
        expect(
          annotationMustViolations({ "@context": collection["@context"], ...(item as object) }),
        ).toEqual([]);
      // The audit log's decisions (two hides) travel as `moderating` annotations, to staff only.
      const moderating = page.items.filter(
        (item) => (item as { motivation: string }).motivation === "moderating",
      );
      expect(moderating).toHaveLength(persona === "instructor" ? 2 : 0);
      expect(collection.total).toBe(page.items.length);
    }
  });

  it("HTML and Markdown: numbered markers around passages, threads after the text", async () => {
    const html = (await exportText("instructor", "html"))!.text;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("@media print");
    expect(html).toContain('<sup class="m open" dir="ltr">1</sup>');
    expect(html.indexOf('class="text"')).toBeLessThan(html.indexOf('class="thread"'));
    // No marker falls inside a word of the text.
    const paragraph = html.slice(
      html.indexOf('<div class="text">'),
      html.indexOf('<div class="threads">'),
    );
    expect(paragraph).toContain("</sup>تروتسكي<sup");
    expect(paragraph).not.toMatch(/\p{L}(<sup[^>]*>\d+<\/sup>)+\p{L}/u);
    const md = (await exportText("instructor", "md"))!.text;
    expect(md).toContain("⟨1⟩");
    expect(md).toContain("**hidden: خارج الموضوع**");
  });
});

describe("streaming", () => {
  it("writes its first items before the last batch is read", async () => {
    let reads = 0;
    const counting = new Proxy(testDb.db, {
      get(target, key) {
        const value = Reflect.get(target, key);
        if (key !== "annotation") return typeof value === "function" ? value.bind(target) : value;
        return new Proxy(value as object, {
          get(model, method) {
            const fn = Reflect.get(model, method);
            if (method !== "findMany") return typeof fn === "function" ? fn.bind(model) : fn;
            return (...args: unknown[]) => {
              reads++;
              return (fn as (...a: unknown[]) => unknown).apply(model, args);
            };
          },
        });
      },
    }) as Db;
    const scope = await textExportScope(counting, actorOf("instructor"), world.privateText.id);
    const response = await exportOf(counting, scope!, {
      format: "csv",
      baseUrl: BASE,
      batchSize: 1,
    });
    const reader = response.body.getReader();
    const head = new TextDecoder().decode((await reader.read()).value);
    expect(head.startsWith("kind,")).toBe(true);
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first.split("\n").length).toBeGreaterThan(1);
    const readsWhenFirstArrived = reads;
    while (!(await reader.read()).done) {}
    expect(readsWhenFirstArrived).toBeLessThanOrEqual(2);
    expect(reads).toBeGreaterThan(readsWhenFirstArrived + 3);
  });
});
