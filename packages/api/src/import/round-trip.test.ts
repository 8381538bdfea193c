// Export → import round trip (issue 6): a discussion exported as W3C JSON-LD by our exporter and
// imported into an empty course gives the same annotations, anchors, threads, tags, bodies and
// moderation states; imported into another text of the same course, its writers keep their
// authorship (they are members, named by our user IRIs). Real PostgreSQL.
import type { CommentBody } from "@hashiya/annotation-schema";
import type { Db } from "@hashiya/db";
import { beforeAll, describe, expect, it } from "vitest";
import { createExport } from "../export";
import {
  annotationInput,
  bodyOf,
  buildCourse,
  buildMembership,
  buildUser,
  callerFor,
} from "../testing/factories";
import { buildCourseWorld, type CourseWorld } from "../testing/personas";
import { useTestDatabase } from "../testing/suite";
import { importAnnotations } from "./index";
import { buildEssay } from "./testing";

const testDb = useTestDatabase("api_import_round_trip");
let db: Db;
let world: CourseWorld;
let source: { id: string; version: number; body: string };
let exported: string;
const SITE = "https://hashiya.example";

const rich: CommentBody = {
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [
        { type: "text", text: "قارن " },
        { type: "text", text: "هذا", marks: [{ type: "bold" }] },
        { type: "text", text: " بـ " },
        {
          type: "text",
          text: "المقدمة",
          marks: [{ type: "link", attrs: { href: "https://example.org/" } }],
        },
      ],
    },
    {
      type: "bulletList",
      content: [
        {
          type: "listItem",
          content: [{ type: "paragraph", content: [{ type: "text", text: "أولًا" }] }],
        },
        {
          type: "listItem",
          content: [{ type: "paragraph", content: [{ type: "text", text: "second" }] }],
        },
      ],
    },
  ],
};

/** A start and end in code points of `needle`'s first occurrence after `from`. */
const rangeOf = (body: string, needle: string) => {
  const at = Array.from(body.slice(0, body.indexOf(needle))).length;
  return { start: at, end: at + Array.from(needle).length };
};

beforeAll(async () => {
  db = testDb.db;
  world = await buildCourseWorld(db);
  source = await buildEssay(db, world.courseId);
  const student = callerFor(db, world.users.get("student")!);
  const classmate = callerFor(db, world.classmate);
  const moderator = callerFor(db, world.users.get("moderator")!);
  const post = async (who: typeof student, needle: string, extra: object) =>
    (
      await who.annotation.create(
        annotationInput(source, { ...rangeOf(source.body, needle), ...extra }),
      )
    ).thread!.id;
  const question = await post(student, "بعد عامين من نجاح الثورة", {
    body: rich,
    isQuestion: true,
    tags: ["سؤال", "method"],
  });
  await classmate.reply.create({ annotationId: question, body: bodyOf("ردّ أول") });
  await student.reply.create({ annotationId: question, body: bodyOf("second reply") });
  await post(classmate, "كتب لينين متفكرا", {
    body: bodyOf("للمدرّسين"),
    visibility: "instructors",
  });
  const hidden = await post(classmate, "ستالين", { body: bodyOf("سيُخفى") });
  await moderator.moderation.hide({
    target: { type: "annotation", id: hidden },
    reason: "خارج الموضوع",
  });

  const user = world.users.get("instructor")!;
  const response = await createExport(
    db,
    { userId: user.id, isAdmin: false },
    {
      kind: "text",
      id: source.id,
      format: "w3c",
      baseUrl: SITE,
    },
  );
  exported = await new Response(response!.body).text();
});

/** Each thread of a text, keyed by its id in the source text, as the comparison sees it. */
async function threadsOf(
  textId: string,
  key: (row: { id: string; externalId: string | null }) => string,
) {
  const rows = await db.annotation.findMany({
    where: { textId },
    include: {
      tags: { orderBy: { name: "asc" } },
      replies: { orderBy: { createdAt: "asc" } },
    },
  });
  return new Map(
    rows.map((row) => [
      key(row),
      {
        quote: row.quote,
        start: row.start,
        end: row.end,
        anchorState: row.anchorState,
        body: row.body,
        bodyText: row.bodyText,
        isQuestion: row.isQuestion,
        visibility: row.visibility,
        moderation: [row.moderationState, row.moderationReason],
        createdAt: row.createdAt.toISOString(),
        tags: row.tags.map((tag) => tag.name),
        replies: row.replies.map((reply) => ({
          body: reply.body,
          createdAt: reply.createdAt.toISOString(),
        })),
        authors: [row.authorId, ...row.replies.map((reply) => reply.authorId)],
        importedNames: [row.importedAuthorName, ...row.replies.map((r) => r.importedAuthorName)],
      },
    ]),
  );
}

const annotationIri = (id: string) =>
  `${SITE}/texts/${encodeURIComponent(source.id)}/annotations/${encodeURIComponent(id)}`;

async function importInto(textId: string, importerId: string) {
  const result = await importAnnotations(
    db,
    { userId: importerId, isAdmin: false },
    textId,
    exported,
    {
      siteBase: SITE,
    },
  );
  if (!("report" in result)) throw new Error(JSON.stringify(result));
  return result.report;
}

describe("W3C export → import", () => {
  it("into an empty course: the same annotations, anchors, threads, tags and moderation", async () => {
    const course = await buildCourse(db);
    const teacher = await buildUser(db);
    await buildMembership(db, course.id, teacher.id, "instructor");
    const target = await buildEssay(db, course.id);
    const report = await importInto(target.id, teacher.id);
    expect(report).toMatchObject({
      format: "w3c",
      anchored: 3,
      drifted: [],
      orphaned: [],
      replies: 2,
      tags: 2,
      moderation: { applied: 1, skipped: 0 },
      attributedToImporter: 5,
      warnings: [],
    });
    const before = await threadsOf(source.id, (row) => annotationIri(row.id));
    const after = await threadsOf(target.id, (row) => row.externalId!);
    const strip = ({ authors: _a, importedNames: _n, ...rest }: Record<string, unknown>) => rest;
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [key, thread] of before) expect(strip(after.get(key)!)).toEqual(strip(thread));
    // Nobody is a member there: the instructor stands in, each writer's name kept.
    const names = new Map(
      (await db.user.findMany({ select: { id: true, name: true } })).map((u) => [u.id, u.name]),
    );
    for (const [key, thread] of before) {
      const imported = after.get(key)!;
      expect(new Set(imported.authors)).toEqual(new Set([teacher.id]));
      expect(imported.importedNames).toEqual(thread.authors.map((id) => names.get(id)));
    }
  });

  it("exported again, an import names its original writers, not the instructor standing in", async () => {
    const course = await buildCourse(db);
    const teacher = await buildUser(db, { name: "المدرّسة المستوردة" });
    await buildMembership(db, course.id, teacher.id, "instructor");
    const target = await buildEssay(db, course.id);
    await importInto(target.id, teacher.id);
    const exportAs = async (format: "w3c" | "csv") => {
      const answer = await createExport(
        db,
        { userId: teacher.id, isAdmin: false },
        { kind: "text", id: target.id, format, baseUrl: SITE },
      );
      return new Response(answer!.body).text();
    };
    const writers = new Set(
      (
        await db.annotation.findMany({ where: { textId: source.id }, select: { author: true } })
      ).map((row) => row.author.name),
    );
    const again = JSON.parse(await exportAs("w3c"));
    // Comments and replies (a moderation decision replayed here is the instructor's own).
    const creators = again.first.items
      .filter((item: { motivation: string }) => item.motivation !== "moderating")
      .map((item: { creator: unknown }) => item.creator);
    expect(creators).toHaveLength(5);
    for (const creator of creators) {
      // A name only: the writer is no user of this site.
      expect(creator).toEqual({ type: "Person", name: expect.any(String) });
      expect(writers.has((creator as { name: string }).name)).toBe(true);
    }
    const csv = await exportAs("csv");
    expect(csv).not.toContain("المدرّسة المستوردة");
  });

  it("into another text of the same course: members keep their authorship; again: no duplicates", async () => {
    const target = await buildEssay(db, world.courseId);
    const instructor = world.users.get("instructor")!.id;
    const report = await importInto(target.id, instructor);
    expect(report.attributedToImporter).toBe(0);
    const before = await threadsOf(source.id, (row) => annotationIri(row.id));
    const after = await threadsOf(target.id, (row) => row.externalId!);
    for (const [key, thread] of before) expect(after.get(key)).toEqual(thread);
    const again = await importInto(target.id, instructor);
    expect(again.skippedDuplicates).toEqual({ annotations: 3, replies: 2 });
    expect(again.moderation.applied).toBe(0);
    expect(await db.annotation.count({ where: { textId: target.id } })).toBe(3);
  });
});
