// Importing W3C and Hypothesis files into a text, against real PostgreSQL: re-anchoring with
// explicit states (orphans kept and listed), the report, no duplicates on re-import, refused
// files with their locations and nothing written, and who may import (every persona).
import type { Db } from "@hashiya/db";
import { beforeAll, describe, expect, it } from "vitest";
import { createLiveHub } from "../live/hub";
import { buildCourse, buildMembership, buildUser, sessionOf } from "../testing/factories";
import { collectLive } from "../testing/live";
import { allPersonas, buildCourseWorld, type CourseWorld, type Persona } from "../testing/personas";
import { useTestDatabase } from "../testing/suite";
import { importAnnotations } from "./index";
import { buildEssay, HYPOTHESIS_FIXTURE, w3cAnnotation, w3cFile } from "./testing";

const testDb = useTestDatabase("api_import");
let db: Db;
let world: CourseWorld;
let essayId: string;
const SITE = "https://hashiya.example";

beforeAll(async () => {
  db = testDb.db;
  world = await buildCourseWorld(db);
  essayId = (await buildEssay(db, world.courseId)).id;
});

const actorOf = (persona: Persona) => {
  const user = world.users.get(persona) ?? null;
  return user ? { userId: user.id, isAdmin: user.isAdmin === true } : null;
};

async function importAs(persona: Persona, textId: string, file: string) {
  const result = await importAnnotations(db, actorOf(persona), textId, file, { siteBase: SITE });
  if (!("ok" in result) || !result.ok || !("report" in result))
    throw new Error(`import refused: ${JSON.stringify(result)}`);
  return result.report;
}

const countsIn = async (textId: string) => ({
  annotations: await db.annotation.count({ where: { textId } }),
  replies: await db.reply.count({ where: { annotation: { textId } } }),
  tags: await db.annotationTag.count({ where: { annotation: { textId } } }),
  events: await db.textEvent.count({ where: { textId } }),
});

describe("a Hypothesis file", () => {
  it("is re-anchored, reported, kept whole (orphans too), and attributed", async () => {
    const steps: string[] = [];
    const result = await importAnnotations(db, actorOf("instructor"), essayId, HYPOTHESIS_FIXTURE, {
      siteBase: SITE,
      onProgress: (p) => void steps.push(p.stage),
    });
    if (!("report" in result)) throw new Error("refused");
    const { report } = result;
    expect(report.format).toBe("hypothesis");
    expect(report.anchored).toBe(1);
    // "ستالين" with no context and no position cannot be placed: orphaned, kept, listed.
    expect(report.orphaned).toEqual([expect.objectContaining({ item: 4, quote: "ستالين" })]);
    expect(report.replies).toBe(2);
    expect(report.tags).toBe(2);
    expect(report.skippedDuplicates).toEqual({ annotations: 0, replies: 0 });
    expect(report.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(["import.page_note", "import.parent_missing"]),
    );
    expect(steps).toEqual(expect.arrayContaining(["parsed", "anchoring", "writing"]));

    const rows = await db.annotation.findMany({
      where: { textId: essayId },
      include: { tags: true, replies: { orderBy: { createdAt: "asc" } } },
      orderBy: { createdAt: "asc" },
    });
    expect(rows).toHaveLength(2);
    const [question, orphan] = rows;
    const body = (await db.text.findUniqueOrThrow({ where: { id: essayId } })).body;
    expect(Array.from(body).slice(question!.start, question!.end).join("")).toBe("الثورة");
    expect(question!.anchorState).toBe("anchored");
    expect(question!.externalId).toBe("https://hypothes.is/a/Qx1aAbC2EeyWc0tLdT9kAg");
    expect(question!.tags.map((t) => t.name).sort()).toEqual(["method", "سؤال"]);
    expect(question!.replies).toHaveLength(2);
    // Nobody in the file is a member here: the instructor stands in, the writer's name is kept.
    const instructor = actorOf("instructor")!.userId;
    expect(question!.authorId).toBe(instructor);
    expect(question!.importedAuthorName).toBeTruthy();
    expect(orphan!.anchorState).toBe("orphaned");
    expect(orphan!.quote).toBe("ستالين");
    // Open readers hear of each new thread.
    const events = await db.textEvent.findMany({ where: { textId: essayId } });
    expect(events.map((e) => e.type)).toEqual(["thread.created", "thread.created"]);
  });

  it("imported again adds nothing and says what it skipped", async () => {
    const before = await countsIn(essayId);
    const report = await importAs("instructor", essayId, HYPOTHESIS_FIXTURE);
    expect(report.skippedDuplicates).toEqual({ annotations: 2, replies: 2 });
    expect(report.anchored + report.drifted.length + report.orphaned.length).toBe(0);
    expect(report.replies).toBe(0);
    expect(await countsIn(essayId)).toEqual(before);
  });
});

describe("a W3C file", () => {
  it("places an edited passage as drifted with its score, and adds new replies to older threads", async () => {
    const text = await buildEssay(db, world.courseId);
    const first = w3cFile([
      w3cAnnotation(
        "https://other.example/a/1",
        // The essay says "بعد عامين من نجاح الثورة": one letter changed.
        {
          exact: "بعد عامان من نجاح الثورة",
          prefix: "في القيادة. و ",
          suffix: " كتب لينين متفكرا",
        },
        "passage edited",
      ),
    ]);
    const report = await importAs("admin", text.id, first);
    expect(report.drifted).toHaveLength(1);
    expect(report.drifted[0]!.score).toBeGreaterThan(0);
    expect(report.drifted[0]!.score).toBeLessThan(1);
    const second = w3cFile([
      JSON.parse(first).items[0],
      {
        id: "https://other.example/a/2",
        type: "Annotation",
        motivation: "replying",
        body: { type: "TextualBody", value: "a later reply" },
        target: "https://other.example/a/1",
      },
    ]);
    const again = await importAs("admin", text.id, second);
    expect(again.skippedDuplicates.annotations).toBe(1);
    expect(again.replies).toBe(1);
    const thread = await db.annotation.findFirstOrThrow({
      where: { textId: text.id },
      include: { replies: true },
    });
    expect(thread.replies.map((r) => r.bodyText)).toEqual(["a later reply"]);
    expect(thread.anchorState).toBe("drifted");
    expect(thread.anchorScore).toBeGreaterThan(0);
  });

  it("keeps the authorship of a member named by our user IRI or email", async () => {
    const text = await buildEssay(db, world.courseId);
    const student = world.users.get("student")!;
    const email = (await db.user.findUniqueOrThrow({ where: { id: student.id } })).email;
    const report = await importAs(
      "instructor",
      text.id,
      w3cFile([
        w3cAnnotation("urn:x:1", { exact: "الثورة", prefix: "من نجاح " }, "by IRI", {
          creator: { id: `${SITE}/users/${student.id}`, name: "ignored" },
        }),
        w3cAnnotation("urn:x:2", { exact: "الثورة", prefix: "من نجاح " }, "by email", {
          creator: { id: `mailto:${email}`, name: "ignored" },
        }),
        // Another site's IRI of the same id is not ours: the instructor stands in.
        w3cAnnotation("urn:x:3", { exact: "الثورة", prefix: "من نجاح " }, "elsewhere", {
          creator: { id: `https://elsewhere.example/users/${student.id}`, name: "Someone" },
        }),
      ]),
    );
    expect(report.attributedToImporter).toBe(1);
    const rows = await db.annotation.findMany({
      where: { textId: text.id },
      orderBy: { externalId: "asc" },
    });
    expect(rows.map((r) => [r.authorId, r.importedAuthorName])).toEqual([
      [student.id, null],
      [student.id, null],
      [actorOf("instructor")!.userId, "Someone"],
    ]);
  });

  it("replays moderation decisions once, on the items it adds", async () => {
    const text = await buildEssay(db, world.courseId);
    const file = w3cFile([
      w3cAnnotation("urn:m:1", { exact: "الثورة", prefix: "من نجاح " }, "to hide"),
      {
        id: "urn:m:2",
        type: "Annotation",
        motivation: "moderating",
        created: "2024-01-01T10:00:00Z",
        body: [
          { type: "TextualBody", value: "hide", purpose: "moderating" },
          { type: "TextualBody", value: "off topic", purpose: "commenting" },
        ],
        target: "urn:m:1",
      },
    ]);
    const first = await importAs("instructor", text.id, file);
    expect(first.moderation).toEqual({ applied: 1, skipped: 0 });
    const again = await importAs("instructor", text.id, file);
    expect(again.moderation).toEqual({ applied: 0, skipped: 0 });
    const row = await db.annotation.findFirstOrThrow({ where: { textId: text.id } });
    expect([row.moderationState, row.moderationReason]).toEqual(["hidden", "off topic"]);
    expect(await db.moderationAction.count({ where: { textId: text.id } })).toBe(1);
  });
});

describe("a refused file", () => {
  it("names what is wrong and where, in both languages, and writes nothing", async () => {
    const text = await buildEssay(db, world.courseId);
    const file = w3cFile([
      w3cAnnotation("urn:r:1", { exact: "الثورة" }, "fine"),
      { ...w3cAnnotation("urn:r:2", { exact: "x" }, "no quote"), target: "https://x.example/" },
    ]);
    const result = await importAnnotations(db, actorOf("instructor"), text.id, file, {
      siteBase: SITE,
    });
    expect("problems" in result && result.problems).toEqual([
      expect.objectContaining({ item: 2, code: "import.no_quote" }),
    ]);
    if (!("problems" in result)) throw new Error("accepted");
    expect(result.problems[0]!.message.en).toMatch(/^Item 2: /);
    expect(result.problems[0]!.message.ar).toMatch(/^العنصر 2: /);
    expect(await countsIn(text.id)).toEqual({ annotations: 0, replies: 0, tags: 0, events: 0 });
  });

  it("a write that fails half-way leaves nothing behind (one transaction)", async () => {
    const text = await buildEssay(db, world.courseId);
    const items = Array.from({ length: 1_500 }, (_, k) =>
      w3cAnnotation(`urn:t:${k}`, { exact: "الثورة", prefix: "من نجاح " }, `n${k}`, {
        body: [
          { type: "TextualBody", value: `n${k}` },
          { type: "TextualBody", value: "tag", purpose: "tagging" },
        ],
      }),
    );
    let writes = 0;
    const failing = importAnnotations(db, actorOf("instructor"), text.id, w3cFile(items), {
      siteBase: SITE,
      onProgress: (p) => {
        // After the first batch of 1,000 is in, the connection "fails".
        if (p.stage === "writing" && ++writes === 1) throw new Error("cut");
      },
    });
    await expect(failing).rejects.toThrow("cut");
    expect(await countsIn(text.id)).toEqual({ annotations: 0, replies: 0, tags: 0, events: 0 });
  });
});

describe("a text edited during the import", () => {
  it("is refused with a sentence, and nothing is written", async () => {
    const text = await buildEssay(db, world.courseId);
    const file = w3cFile([w3cAnnotation("urn:e:1", { exact: "الثورة" }, "x")]);
    const importing = importAnnotations(db, actorOf("instructor"), text.id, file, {
      siteBase: SITE,
      onProgress: async (p) => {
        // The instructor saves an edit of the text while the file is being anchored.
        if (p.stage === "anchoring")
          await db.text.update({ where: { id: text.id }, data: { version: { increment: 1 } } });
      },
    });
    await expect(importing).rejects.toThrow(/edited during the import/);
    expect(await countsIn(text.id)).toEqual({ annotations: 0, replies: 0, tags: 0, events: 0 });
  });
});

describe("who may import into the course-only text", () => {
  const expected: Record<Persona, string> = {
    anonymous: "401 auth.sign_in_required",
    "non-member": "404 not_found",
    "student of another course": "404 not_found",
    student: "403 import.forbidden",
    moderator: "403 import.forbidden",
    instructor: "imported",
    admin: "imported",
  };
  it.each(allPersonas)("%s", async (persona) => {
    const text = await buildEssay(db, world.courseId);
    const file = w3cFile([w3cAnnotation(`urn:p:${persona}`, { exact: "الثورة" }, "x")]);
    const result = await importAnnotations(db, actorOf(persona), text.id, file, { siteBase: SITE });
    const outcome =
      "report" in result ? "imported" : "status" in result ? `${result.status} ${result.code}` : "";
    expect(outcome).toBe(expected[persona]);
    expect(await db.annotation.count({ where: { textId: text.id } })).toBe(
      outcome === "imported" ? 1 : 0,
    );
  });

  it("an instructor of another course may not import here", async () => {
    const other = await buildCourse(db);
    const teacher = await buildUser(db);
    await buildMembership(db, other.id, teacher.id, "instructor");
    const session = sessionOf(teacher);
    const result = await importAnnotations(
      db,
      { userId: session.id, isAdmin: false },
      essayId,
      w3cFile([w3cAnnotation("urn:o:1", { exact: "الثورة" }, "x")]),
      { siteBase: SITE },
    );
    expect("status" in result && result.status).toBe(404);
  });
});

describe("open readers", () => {
  it("see the imported threads arrive on their live stream, placed, with their replies", async () => {
    const text = await buildEssay(db, world.courseId);
    const hub = createLiveHub(testDb.url, { onError: () => {} });
    await hub.ready();
    try {
      const student = await collectLive(db, world.users.get("student")!, hub, { textId: text.id });
      const teacher = await collectLive(db, world.users.get("instructor")!, hub, {
        textId: text.id,
      });
      await importAs("instructor", text.id, HYPOTHESIS_FIXTURE);
      // The private highlight is the importer's own: only they see it arrive.
      const mine = await teacher.waitFor(2);
      expect(mine.map((e) => e.type)).toEqual(["thread.created", "thread.created"]);
      const [seen] = await student.waitFor(1);
      const question = seen!.thread!;
      expect(question.quote).toBe("الثورة");
      expect(question.anchorState).toBe("anchored");
      expect(question.replies).toHaveLength(2);
      expect(question.importedAuthorName).toBeTruthy();
      expect(student.events).toHaveLength(1);
      await Promise.all([student.stop(), teacher.stop()]);
    } finally {
      await hub.close();
    }
  });
});
