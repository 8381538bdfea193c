// Moderation over the live channel: pending and hidden items, and the course settings that
// hold work back, never reach the wrong person — not a body, not a reason, not even an id.
// Real subscriptions, real PostgreSQL, every persona watching the public text.
import type { LiveEvent } from "@hashiya/annotation-schema";
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { annotationInput, bodyOf, callerFor } from "../testing/factories";
import { collectLive, type LiveCollector } from "../testing/live";
import { allPersonas, buildCourseWorld, type CourseWorld, type Persona } from "../testing/personas";
import { createLiveHub, type LiveHub } from "./hub";

let testDb: TestDatabase;
let hub: LiveHub;
let world: CourseWorld;

beforeAll(async () => {
  testDb = await createTestDatabase("api_live_moderation");
  hub = createLiveHub(testDb.url);
  world = await buildCourseWorld(testDb.db);
  await hub.ready();
});
afterAll(async () => {
  await hub.close();
  await testDb.drop();
});
beforeEach(async () => {
  await testDb.db.course.update({
    where: { id: world.courseId },
    data: { preModeration: false, revealAfterPosts: 0, namesHidden: false },
  });
});

type Watcher = Persona | "author";
const staff: Watcher[] = ["moderator", "instructor", "admin"];
const others: Watcher[] = ["student", "anonymous", "non-member", "student of another course"];

async function watchAll(): Promise<Map<Watcher, LiveCollector>> {
  const textId = world.publicText.id;
  const watching = new Map<Watcher, LiveCollector>();
  watching.set("author", await collectLive(testDb.db, world.classmate, hub, { textId }));
  for (const persona of allPersonas) {
    const user = world.users.get(persona) ?? null;
    watching.set(persona, await collectLive(testDb.db, user, hub, { textId }));
  }
  return watching;
}

const as = (who: Persona) => callerFor(testDb.db, world.users.get(who) ?? null);
const author = () => callerFor(testDb.db, world.classmate);

/** A thread every watcher sees: once it arrived, everything logged before it was decided. */
async function sentinel(watching: Map<Watcher, LiveCollector>) {
  const thread = (await as("instructor").annotation.create(annotationInput(world.publicText)))
    .thread!;
  for (const subscription of watching.values()) await subscription.waitForThread(thread.id);
  return thread.id;
}

const about = (events: LiveEvent[], id: string) =>
  events.filter((event) => event.annotationId === id || JSON.stringify(event).includes(id));

const stopAll = (watching: Map<Watcher, LiveCollector>) =>
  Promise.all([...watching.values()].map((subscription) => subscription.stop()));

describe("live moderation", () => {
  it("a pending post and a pending reply reach only their author and the staff, until approved", async () => {
    await testDb.db.course.update({ where: { id: world.courseId }, data: { preModeration: true } });
    const watching = await watchAll();
    const held = (
      await author().annotation.create(
        annotationInput(world.publicText, { body: bodyOf("مسودة تنتظر") }),
      )
    ).thread!;
    await author().annotation.edit({ annotationId: held.id, tags: ["انتظار"] });
    const open = (await as("instructor").annotation.create(annotationInput(world.publicText)))
      .thread!;
    const heldReply = (
      await as("student").reply.create({ annotationId: open.id, body: bodyOf("رد ينتظر") })
    ).thread!.replies[0]!;
    await sentinel(watching);

    for (const who of others) {
      const events = watching.get(who)!.events;
      expect(about(events, held.id), who).toEqual([]);
      if (who !== "student") {
        // The replier is the student; everyone else never hears the reply's id.
        expect(JSON.stringify(events), who).not.toContain(heldReply.id);
      }
      expect(JSON.stringify(events), who).not.toContain("مسودة تنتظر");
    }
    for (const who of ["author", ...staff] as Watcher[]) {
      const events = about(watching.get(who)!.events, held.id);
      expect(events.map((e) => e.thread?.moderation?.state), who).toEqual(["pending", "pending"]);
    }
    expect(JSON.stringify(watching.get("author")!.events)).not.toContain(heldReply.id);
    expect(JSON.stringify(watching.get("moderator")!.events)).toContain(heldReply.id);

    await as("moderator").moderation.approve({ target: { type: "annotation", id: held.id } });
    await sentinel(watching);
    for (const who of [...others, "author"] as Watcher[]) {
      const last = about(watching.get(who)!.events, held.id).at(-1);
      expect(last?.type, who).toBe("moderation.changed");
      expect(last?.thread?.bodyText, who).toBe("مسودة تنتظر");
      expect(last?.thread?.moderation, who).toBeUndefined();
    }
    await stopAll(watching);
  });

  it("a hidden post: marked with the reason for its author and the staff, a placeholder for everyone else", async () => {
    const watching = await watchAll();
    const thread = (
      await author().annotation.create(
        annotationInput(world.publicText, { body: bodyOf("عبارة جارحة") }),
      )
    ).thread!;
    await sentinel(watching);
    await as("moderator").moderation.hide({
      target: { type: "annotation", id: thread.id },
      reason: "لغة غير لائقة",
    });
    await sentinel(watching);

    for (const who of ["author", ...staff] as Watcher[]) {
      const last = about(watching.get(who)!.events, thread.id).at(-1)!;
      expect(last.type, who).toBe("moderation.changed");
      expect(last.thread?.moderation, who).toEqual({
        state: "hidden",
        reason: "لغة غير لائقة",
        withheld: false,
      });
      expect(last.thread?.bodyText, who).toBe("عبارة جارحة");
    }
    for (const who of others) {
      const events = about(watching.get(who)!.events, thread.id);
      const last = events.at(-1)!;
      expect(last.type, who).toBe("moderation.changed");
      expect(last.thread?.moderation, who).toEqual({
        state: "hidden",
        reason: null,
        withheld: true,
      });
      expect(last.thread?.body, who).toBeNull();
      // What they got before the hide had the words; nothing after it does, nor the reason.
      expect(JSON.stringify(last), who).not.toContain("عبارة جارحة");
      expect(JSON.stringify(events), who).not.toContain("لغة غير لائقة");
      expect(JSON.stringify(last), who).not.toContain(world.classmate.id);
    }
    await stopAll(watching);
  });

  it("an approval undone takes the post out of classmates' view again, live", async () => {
    await testDb.db.course.update({ where: { id: world.courseId }, data: { preModeration: true } });
    const watching = await watchAll();
    const held = (await author().annotation.create(annotationInput(world.publicText))).thread!;
    const approval = await as("moderator").moderation.approve({
      target: { type: "annotation", id: held.id },
    });
    await sentinel(watching);
    await as("moderator").moderation.undo({ actionId: approval.actionId });
    await sentinel(watching);
    for (const who of others) {
      const seen = about(watching.get(who)!.events, held.id).map(
        (e) => `${e.type}:${e.thread ? "shown" : "gone"}`,
      );
      expect(seen, who).toEqual(["moderation.changed:shown", "thread.deleted:gone"]);
    }
    const authorSees = about(watching.get("author")!.events, held.id).map(
      (e) => e.thread?.moderation?.state ?? "visible",
    );
    expect(authorSees).toEqual(["pending", "visible", "pending"]);
    await stopAll(watching);
  });

  it("reveal after posting holds classmates' threads back until the student has posted, then lets them through", async () => {
    await testDb.db.course.update({ where: { id: world.courseId }, data: { revealAfterPosts: 1 } });
    const watching = await watchAll();
    const early = (
      await author().annotation.create(annotationInput(world.publicText, { body: bodyOf("مبكر") }))
    ).thread!;
    await sentinel(watching);
    const student = watching.get("student")!;
    expect(about(student.events, early.id)).toEqual([]);
    expect(about(watching.get("anonymous")!.events, early.id)).toEqual([]);
    expect(about(watching.get("moderator")!.events, early.id)).toHaveLength(1);

    await as("student").annotation.create(annotationInput(world.publicText));
    const later = (
      await author().annotation.create(annotationInput(world.publicText, { body: bodyOf("لاحق") }))
    ).thread!;
    await sentinel(watching);
    expect(about(student.events, later.id).map((e) => e.thread?.bodyText)).toEqual(["لاحق"]);
    expect(about(watching.get("anonymous")!.events, later.id)).toEqual([]);
    await stopAll(watching);
  });

  it("names hidden from classmates: no classmate's id or name goes over the live channel", async () => {
    await testDb.db.course.update({ where: { id: world.courseId }, data: { namesHidden: true } });
    const watching = await watchAll();
    const thread = (await author().annotation.create(annotationInput(world.publicText))).thread!;
    await as("student").reply.create({ annotationId: thread.id, body: bodyOf("رد") });
    await sentinel(watching);
    for (const who of others) {
      if (who === "student") continue;
      const json = JSON.stringify(watching.get(who)!.events);
      expect(json, who).not.toContain(world.classmate.id);
      expect(json, who).not.toContain(world.classmate.name);
      expect(json, who).not.toContain(world.users.get("student")!.id);
    }
    const studentJson = JSON.stringify(watching.get("student")!.events);
    expect(studentJson).not.toContain(world.classmate.id);
    const staffEvent = about(watching.get("moderator")!.events, thread.id).at(-1)!;
    expect(staffEvent.thread?.author.id).toBe(world.classmate.id);
    await stopAll(watching);
  });
});
