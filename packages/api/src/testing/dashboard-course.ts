// A course with a few hundred annotations of every kind — counted, held, hidden, removed,
// deleted, private, orphaned, on time and late — described as plain data first (`plan`), then
// written in bulk. The dashboard tests compare its SQL answers with counts made from the plan.
import { readFileSync } from "node:fs";
import type { Db, ModerationState, ReactionKind, Role, Visibility } from "@hashiya/db";
import { importPlainText } from "@hashiya/text-model";
import { bodyOf, buildCourse, buildMembership, buildText, buildUser } from "./factories";

const HOUR = 3_600_000;
export const BASE_TIME = Date.UTC(2026, 0, 5, 8, 0, 0);
/** The due date: 240 hours after the first post. */
export const DUE_AT = new Date(BASE_TIME + 240 * HOUR);

export interface PlannedReaction {
  userKey: string;
  kind: ReactionKind;
}

export interface PlannedReply {
  id: string;
  authorKey: string;
  bodyText: string;
  state: ModerationState;
  deleted: boolean;
  createdAt: Date;
  editedAt: Date | null;
  reactions: PlannedReaction[];
}

export interface PlannedAnnotation {
  id: string;
  authorKey: string;
  start: number;
  end: number;
  bodyText: string;
  isQuestion: boolean;
  visibility: Visibility;
  state: ModerationState;
  deleted: boolean;
  orphaned: boolean;
  createdAt: Date;
  editedAt: Date | null;
  reactions: PlannedReaction[];
  replies: PlannedReply[];
}

/** People by key: s0…s5 students (s5 never posts), mod, ins. */
export const PEOPLE: { key: string; role: Role; name: string }[] = [
  { key: "s0", role: "student", name: "نور الهدى" },
  { key: "s1", role: "student", name: "Omar Haddad" },
  { key: "s2", role: "student", name: "سلمى" },
  { key: "s3", role: "student", name: "Yusuf" },
  { key: "s4", role: "student", name: "ريم" },
  { key: "s5", role: "student", name: "Zaid (quiet)" },
  { key: "mod", role: "moderator", name: "سامر خليل" },
  { key: "ins", role: "instructor", name: "د. ليلى حداد" },
];
const ACTIVE = ["s0", "s1", "s2", "s3", "s4"];
const WORDS = ["لماذا", "قال", "why", "تروتسكي", "the", "الثورة", "point"];

export const demoParagraphs = (): string[] =>
  importPlainText(
    readFileSync(new URL("../../../../prisma/seed/demo-text.ar.txt", import.meta.url)),
  ).blocks.map((block) => block.text);

/** The text's canonical string: the seed essay's paragraphs joined by "\n". */
export const demoCanonical = (): string => demoParagraphs().join("\n");

function stateOf(i: number): ModerationState {
  if (i % 29 === 0) return "removed";
  if (i % 23 === 0) return "denied";
  if (i % 10 === 3) return "hidden";
  if (i % 10 === 7) return "pending";
  return "visible";
}

/** The annotations, replies and reactions of the seeded course (deterministic). */
export function plan(count: number, textLength: number): PlannedAnnotation[] {
  const out: PlannedAnnotation[] = [];
  for (let i = 0; i < count; i++) {
    const authorKey = i % 16 === 5 ? "ins" : (ACTIVE[i % 5] as string);
    const start = (i * 37) % (textLength - 40);
    const createdAt = new Date(BASE_TIME + i * HOUR);
    const replies: PlannedReply[] = [];
    if (i % 4 === 0) {
      for (const j of [1, 2]) {
        replies.push({
          id: `r-${i}-${j}`,
          authorKey: ACTIVE[(i + j) % 5] as string,
          bodyText: `رد ${j} on ${i}`,
          state: j === 2 && i % 8 === 0 ? "pending" : i % 20 === 0 ? "hidden" : "visible",
          deleted: j === 1 && i % 12 === 0,
          createdAt: new Date(createdAt.getTime() + j * HOUR),
          editedAt: j === 1 && i % 16 === 0 ? new Date(createdAt.getTime() + 500 * HOUR) : null,
          reactions: j === 1 ? [{ userKey: ACTIVE[(i + 4) % 5] as string, kind: "confused" }] : [],
        });
      }
    }
    const reactions: PlannedReaction[] = [];
    if (i % 3 === 0) {
      reactions.push({ userKey: ACTIVE[(i + 1) % 5] as string, kind: "confused" });
      reactions.push({ userKey: authorKey, kind: "upvote" });
      reactions.push({ userKey: "ins", kind: "confused" });
    }
    if (i % 5 === 0) reactions.push({ userKey: ACTIVE[(i + 3) % 5] as string, kind: "upvote" });
    out.push({
      id: `a-${i}`,
      authorKey,
      start,
      end: start + 5 + (i % 30),
      bodyText: Array.from({ length: 1 + (i % 7) }, (_, k) => WORDS[(i + k) % 7]).join(" "),
      isQuestion: i % 6 === 0,
      visibility: i % 17 === 0 ? "private" : i % 19 === 0 ? "instructors" : "course",
      state: stateOf(i),
      deleted: i % 13 === 0,
      orphaned: i % 31 === 0,
      createdAt,
      editedAt: i % 9 === 0 ? new Date(createdAt.getTime() + 30 * HOUR) : null,
      reactions,
      replies,
    });
  }
  return out;
}

export interface SeededCourse {
  courseId: string;
  text: { id: string; body: string; blocks: { text: string }[] };
  /** User id by person key. */
  ids: Map<string, string>;
  annotations: PlannedAnnotation[];
}

/** Writes the plan: the course, its people, a text of the seed essay, and every item. */
export async function seedDashboardCourse(db: Db, count: number): Promise<SeededCourse> {
  const course = await buildCourse(db);
  const ids = new Map<string, string>();
  for (const person of PEOPLE) {
    const user = await buildUser(db, { name: person.name });
    await buildMembership(db, course.id, user.id, person.role);
    ids.set(person.key, user.id);
  }
  const paragraphs = demoParagraphs();
  const text = await buildText(db, course.id, { paragraphs });
  await db.text.update({ where: { id: text.id }, data: { dueAt: DUE_AT } });
  const points = [...text.body];
  const annotations = plan(count, points.length);
  const user = (key: string) => ids.get(key) as string;

  await db.annotation.createMany({
    data: annotations.map((a) => {
      const exact = points.slice(a.start, a.end).join("");
      return {
        id: `${text.id}-${a.id}`,
        textId: text.id,
        authorId: user(a.authorKey),
        textVersion: text.version,
        selectors: [
          { type: "TextQuoteSelector", exact },
          { type: "TextPositionSelector", start: a.start, end: a.end },
        ],
        quote: exact,
        start: a.start,
        end: a.end,
        anchorState: a.orphaned ? "orphaned" : "anchored",
        body: a.deleted ? undefined : bodyOf(a.bodyText),
        bodyText: a.deleted ? "" : a.bodyText,
        isQuestion: a.isQuestion,
        visibility: a.visibility,
        moderationState: a.state,
        createdAt: a.createdAt,
        editedAt: a.editedAt,
        deletedAt: a.deleted ? new Date(a.createdAt.getTime() + HOUR) : null,
      };
    }),
  });
  const replies = annotations.flatMap((a) => a.replies.map((r) => ({ a, r })));
  await db.reply.createMany({
    data: replies.map(({ a, r }) => ({
      id: `${text.id}-${r.id}`,
      annotationId: `${text.id}-${a.id}`,
      authorId: user(r.authorKey),
      body: r.deleted ? undefined : bodyOf(r.bodyText),
      bodyText: r.deleted ? "" : r.bodyText,
      moderationState: r.state,
      createdAt: r.createdAt,
      editedAt: r.editedAt,
      deletedAt: r.deleted ? new Date(r.createdAt.getTime() + HOUR) : null,
    })),
  });
  await db.annotationReaction.createMany({
    data: annotations.flatMap((a) =>
      a.reactions.map((x) => ({
        annotationId: `${text.id}-${a.id}`,
        userId: user(x.userKey),
        kind: x.kind,
      })),
    ),
  });
  await db.replyReaction.createMany({
    data: replies.flatMap(({ r }) =>
      r.reactions.map((x) => ({
        replyId: `${text.id}-${r.id}`,
        userId: user(x.userKey),
        kind: x.kind,
      })),
    ),
  });
  return {
    courseId: course.id,
    text: { id: text.id, body: text.body, blocks: paragraphs.map((p) => ({ text: p })) },
    ids,
    annotations,
  };
}
