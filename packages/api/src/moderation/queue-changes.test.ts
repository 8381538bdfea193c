// The moderation queue is live: the staff's stream signals every change of the course's queue
// (triggers announce it on commit), and nothing from another course. Real PostgreSQL, a real
// LISTEN connection.
import { describe, expect, it } from "vitest";
import {
  annotationInput,
  bodyOf,
  buildCourse,
  buildMembership,
  buildText,
  buildUser,
  callerFor,
  sessionOf,
} from "../testing/factories";
import { settle } from "../testing/live";
import { useLiveHub, useTestDatabase } from "../testing/suite";
import type { SessionUser } from "../trpc";

const testDb = useTestDatabase("api_moderation_queue_live");
const hub = useLiveHub(testDb, { onError: () => {} });

async function course(settings: { preModeration?: boolean } = {}) {
  const { db } = testDb;
  const { id } = await buildCourse(db);
  await db.course.update({ where: { id }, data: settings });
  const text = await buildText(db, id);
  const member = async (role: "student" | "moderator") => {
    const user = sessionOf(await buildUser(db));
    await buildMembership(db, id, user.id, role);
    return user;
  };
  const student = await member("student");
  const moderator = await member("moderator");
  return {
    id,
    text,
    moderatorUser: moderator,
    student: callerFor(db, student),
    moderator: callerFor(db, moderator),
  };
}

/** Counts the signals a moderator's stream of the course gets. */
async function watch(moderator: SessionUser, courseId: string) {
  const abort = new AbortController();
  const live = callerFor(testDb.db, moderator, { live: hub, signal: abort.signal });
  const stream = await live.moderation.onQueueChange({ courseId });
  const seen = { count: 0 };
  void (async () => {
    for await (const _ of stream) seen.count++;
  })().catch(() => {});
  return { seen, stop: () => abort.abort() };
}

/** Waits until the count reaches `at least`, or gives up after ~5 s (then the assert fails). */
async function reaches(seen: { count: number }, atLeast: number) {
  for (let i = 0; i < 50 && seen.count < atLeast; i++) await settle(100);
  return seen.count;
}

describe("moderation.onQueueChange", () => {
  it("signals a flag, a post held for approval and a decision; nothing from another course", async () => {
    const here = await course({ preModeration: true });
    const elsewhere = await course();
    const { seen, stop } = await watch(here.moderatorUser, here.id);
    await settle(200);
    expect(seen.count).toBe(0);

    // Another course's flag is not this queue's business.
    const theirs = (await elsewhere.student.annotation.create(annotationInput(elsewhere.text)))
      .thread!;
    await elsewhere.moderator.moderation.flag({
      target: { type: "annotation", id: theirs.id },
      reason: "خارج الموضوع",
    });

    // A student's post, held for approval under pre-moderation.
    const held = (
      await here.student.annotation.create(annotationInput(here.text, { body: bodyOf("ينتظر") }))
    ).thread!;
    expect(held.moderation?.state).toBe("pending");
    expect(await reaches(seen, 1)).toBe(1);

    await here.moderator.moderation.approve({ target: { type: "annotation", id: held.id } });
    expect(await reaches(seen, 2)).toBe(2);

    await here.student.moderation.flag({
      target: { type: "annotation", id: held.id },
      reason: "إساءة",
    });
    expect(await reaches(seen, 3)).toBe(3);
    await settle(300);
    expect(seen.count).toBe(3);
    stop();
  });
});
