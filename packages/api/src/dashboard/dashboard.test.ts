// The dashboard's SQL against counts made in plain TypeScript from the seeded course's plan
// (src/testing/dashboard-course.ts): every number must match exactly.
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, sessionOf } from "../testing/factories";
import {
  DUE_AT,
  PEOPLE,
  type PlannedAnnotation,
  type SeededCourse,
  seedDashboardCourse,
} from "../testing/dashboard-course";
import { blockRanges } from "./heatmap";

const COUNT = 320;
let testDb: TestDatabase;
let seeded: SeededCourse;

beforeAll(async () => {
  testDb = await createTestDatabase("api_dashboard");
  seeded = await seedDashboardCourse(testDb.db, COUNT);
});
afterAll(() => testDb.drop());

const instructor = () => {
  const id = seeded.ids.get("ins") as string;
  return callerFor(testDb.db, sessionOf({ id, name: "ins", isAdmin: false }));
};

// ── The model: the counting rules of counting.ts, in TypeScript ──
const counted = (item: { deleted: boolean; state: string }, visibility: string) =>
  !item.deleted &&
  visibility !== "private" &&
  (item.state === "visible" || item.state === "hidden");
const STAFF = new Set(["mod", "ins"]);
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

function expectedRow(key: string, all: PlannedAnnotation[]) {
  const posts: {
    at: Date;
    edited: Date | null;
    text: string;
    state: string;
    kind: string;
    q: boolean;
    reactions: { userKey: string }[];
  }[] = [];
  let pending = 0;
  for (const a of all) {
    if (a.authorKey === key) {
      if (counted(a, a.visibility)) {
        posts.push({
          at: a.createdAt,
          edited: a.editedAt,
          text: a.bodyText,
          state: a.state,
          kind: "a",
          q: a.isQuestion,
          reactions: a.reactions,
        });
      } else if (!a.deleted && a.visibility !== "private" && a.state === "pending") pending++;
    }
    for (const r of a.replies) {
      if (r.authorKey !== key) continue;
      if (counted(r, a.visibility)) {
        posts.push({
          at: r.createdAt,
          edited: r.editedAt,
          text: r.bodyText,
          state: r.state,
          kind: "r",
          q: false,
          reactions: r.reactions,
        });
      } else if (!r.deleted && a.visibility !== "private" && r.state === "pending") pending++;
    }
  }
  const times = posts.map((p) => p.at.getTime());
  const latest = posts.map((p) => Math.max(p.at.getTime(), p.edited?.getTime() ?? 0));
  return {
    annotations: posts.filter((p) => p.kind === "a").length,
    questions: posts.filter((p) => p.q).length,
    replies: posts.filter((p) => p.kind === "r").length,
    words: posts.reduce((sum, p) => sum + words(p.text), 0),
    reactionsReceived: posts.reduce(
      (sum, p) => sum + p.reactions.filter((x) => x.userKey !== key).length,
      0,
    ),
    firstActivityAt: posts.length ? new Date(Math.min(...times)) : null,
    lastActivityAt: posts.length ? new Date(Math.max(...latest)) : null,
    onTime: posts.filter((p) => p.at <= DUE_AT).length,
    late: posts.filter((p) => p.at > DUE_AT).length,
    editedLate: posts.filter((p) => p.edited && p.edited > DUE_AT).length,
    hidden: posts.filter((p) => p.state === "hidden").length,
    pending,
  };
}

describe("dashboard.participation", () => {
  it("counts every student's work on the text exactly", async () => {
    const { dueAt, students } = await instructor().dashboard.participation({
      textId: seeded.text.id,
    });
    expect(dueAt).toEqual(DUE_AT);
    const studentPeople = PEOPLE.filter((p) => p.role === "student");
    expect(students).toHaveLength(studentPeople.length);
    for (const person of studentPeople) {
      const row = students.find((s) => s.userId === seeded.ids.get(person.key));
      expect(row, person.key).toBeDefined();
      const { userId: _u, name, ...numbers } = row!;
      expect(name).toBe(person.name);
      expect(numbers, person.key).toEqual(expectedRow(person.key, seeded.annotations));
    }
  });

  it("has the seeded course's work spread over every kind of row", async () => {
    // Guards the plan itself: a plan that stopped producing late, hidden or pending posts
    // would leave the counting rules untested.
    const { students } = await instructor().dashboard.participation({ textId: seeded.text.id });
    const sum = (key: "late" | "hidden" | "pending" | "editedLate" | "onTime") =>
      students.reduce((total, s) => total + (s[key] ?? 0), 0);
    for (const key of ["late", "hidden", "pending", "editedLate", "onTime"] as const) {
      expect(sum(key), key).toBeGreaterThan(0);
    }
    const quiet = students.find((s) => s.userId === seeded.ids.get("s5"));
    expect(quiet).toMatchObject({ annotations: 0, replies: 0, words: 0, firstActivityAt: null });
  });

  it("gives null before/after counts for a text without a due date", async () => {
    await testDb.db.text.update({ where: { id: seeded.text.id }, data: { dueAt: null } });
    try {
      const { dueAt, students } = await instructor().dashboard.participation({
        textId: seeded.text.id,
      });
      expect(dueAt).toBeNull();
      expect(
        students.every((s) => s.onTime === null && s.late === null && s.editedLate === null),
      ).toBe(true);
    } finally {
      await testDb.db.text.update({ where: { id: seeded.text.id }, data: { dueAt: DUE_AT } });
    }
  });

  it("counts Arabic and mixed words of a new comment", async () => {
    const s5 = seeded.ids.get("s5") as string;
    const student = callerFor(testDb.db, sessionOf({ id: s5, name: "s5", isAdmin: false }));
    const text = await testDb.db.text.findUniqueOrThrow({ where: { id: seeded.text.id } });
    await student.annotation.create({
      textId: text.id,
      textVersion: text.version,
      start: 0,
      end: 2,
      // 7 words: punctuation sticks to its word; the line break separates.
      body: {
        type: "doc",
        content: [
          { type: "paragraph", content: [{ type: "text", text: "لماذا كتب لينين، in 1919, هذا" }] },
          { type: "paragraph", content: [{ type: "text", text: "الكلام؟" }] },
        ],
      },
    });
    const { students } = await instructor().dashboard.participation({ textId: seeded.text.id });
    expect(students.find((s) => s.userId === s5)).toMatchObject({ annotations: 1, words: 7 });
    await testDb.db.annotation.deleteMany({ where: { textId: text.id, authorId: s5 } });
  });
});

// ── Heat map ──
function expectedHeat(cells: { start: number; end: number }[]) {
  const placed = seeded.annotations.filter(
    (a) => counted(a, a.visibility) && !STAFF.has(a.authorKey) && !a.orphaned,
  );
  return cells.map((cell) => placed.filter((a) => a.start < cell.end && a.end > cell.start).length);
}

describe("dashboard.heatmap", () => {
  it("spreads each counted student annotation over the paragraphs and buckets it overlaps", async () => {
    const heat = await instructor().dashboard.heatmap({ textId: seeded.text.id, buckets: 50 });
    const length = [...seeded.text.body].length;
    expect(heat.length).toBe(length);
    expect(heat.blocks.map(({ start, end }) => ({ start, end }))).toEqual(
      blockRanges(seeded.text.blocks),
    );
    // Cells tile the text: blocks leave only the "\n" between them, buckets leave nothing.
    expect(heat.buckets[0]?.start).toBe(0);
    expect(heat.buckets.at(-1)?.end).toBe(length);
    expect(heat.buckets.length).toBeLessThanOrEqual(50);
    expect(heat.blocks.map((b) => b.annotations)).toEqual(expectedHeat(heat.blocks));
    expect(heat.buckets.map((b) => b.annotations)).toEqual(expectedHeat(heat.buckets));
    const students = seeded.annotations.filter(
      (a) => counted(a, a.visibility) && !STAFF.has(a.authorKey),
    );
    expect(heat.annotations).toBe(students.filter((a) => !a.orphaned).length);
    expect(heat.orphaned).toBe(students.filter((a) => a.orphaned).length);
    expect(heat.orphaned).toBeGreaterThan(0);
  });

  it("refuses a bucket count outside 10–400", async () => {
    await expect(
      instructor().dashboard.heatmap({ textId: seeded.text.id, buckets: 5000 }),
    ).rejects.toThrow();
  });
});

// ── Confusion report ──
function expectedConfusion() {
  const studentConfused = (reactions: { userKey: string; kind: string }[]) =>
    reactions.filter((x) => x.kind === "confused" && !STAFF.has(x.userKey)).length;
  const scored = seeded.annotations
    .filter((a) => counted(a, a.visibility) && !a.orphaned)
    .map((a) => ({
      id: a.id,
      start: a.start,
      end: a.end,
      question: a.isQuestion && !STAFF.has(a.authorKey),
      confused:
        studentConfused(a.reactions) +
        a.replies
          .filter((r) => counted(r, a.visibility))
          .reduce((sum, r) => sum + studentConfused(r.reactions), 0),
      replies: a.replies.filter((r) => counted(r, a.visibility)).length,
    }))
    .filter((a) => a.question || a.confused > 0)
    .sort((x, y) => x.start - y.start || x.end - y.end || (x.id < y.id ? -1 : 1));
  const passages: (typeof scored)[] = [];
  let reach = -1;
  for (const a of scored) {
    if (a.start >= reach || passages.length === 0) passages.push([a]);
    else passages.at(-1)!.push(a);
    reach = Math.max(reach, a.end);
  }
  return passages.map((items) => ({
    start: Math.min(...items.map((a) => a.start)),
    end: Math.max(...items.map((a) => a.end)),
    questions: items.filter((a) => a.question).length,
    confused: items.reduce((sum, a) => sum + a.confused, 0),
    threads: items.length,
  }));
}

describe("dashboard.confusion", () => {
  it("ranks merged passages by students' questions and confused reactions", async () => {
    const report = await instructor().dashboard.confusion({ textId: seeded.text.id, limit: 50 });
    const expected = expectedConfusion()
      .sort((x, y) => y.questions + y.confused - (x.questions + x.confused) || x.start - y.start)
      .slice(0, 50);
    expect(
      report.map(({ start, end, questions, confused }) => ({ start, end, questions, confused })),
    ).toEqual(
      expected.map(({ start, end, questions, confused }) => ({ start, end, questions, confused })),
    );
    const points = [...seeded.text.body];
    for (const [index, passage] of report.entries()) {
      const whole = points.slice(passage.start, passage.end).join("");
      expect(passage.quote).toBe(whole.length > 280 ? [...whole].slice(0, 280).join("") : whole);
      expect(passage.threads.length).toBe(Math.min(5, expected[index]!.threads));
      // The threads link to real annotations of this text.
      for (const thread of passage.threads)
        expect(thread.annotationId.startsWith(seeded.text.id)).toBe(true);
    }
  });

  it("shows at most `limit` passages, the most confused first", async () => {
    const report = await instructor().dashboard.confusion({ textId: seeded.text.id, limit: 3 });
    expect(report).toHaveLength(3);
    const scores = report.map((p) => p.questions + p.confused);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});
