import type { CommentBody } from "@hashiya/annotation-schema";
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLiveHub, type LiveHub } from "../live/hub";
import type { NotificationView } from "../notifications/present";
import { rejectionOf } from "../testing/errors";
import {
  annotationInput,
  bodyOf,
  buildMembership,
  buildUser,
  callerFor,
  sessionOf,
} from "../testing/factories";
import { buildCourseWorld, type CourseWorld } from "../testing/personas";
import type { SessionUser } from "../trpc";

let testDb: TestDatabase;
let world: CourseWorld;
let hub: LiveHub;

beforeAll(async () => {
  testDb = await createTestDatabase("api_notification");
  world = await buildCourseWorld(testDb.db);
  hub = createLiveHub(testDb.url, { onError: () => {} });
  await hub.ready();
});
afterAll(async () => {
  await hub.close();
  await testDb.drop();
});

const as = (session: SessionUser, signal?: AbortSignal) =>
  callerFor(testDb.db, session, { live: hub, signal });
const mentioning = (id: string, text = "انظر "): CommentBody => ({
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [
        { type: "text", text },
        { type: "mention", attrs: { id, label: "x" } },
      ],
    },
  ],
});

/** A fresh member of the world's course, to receive notifications nobody else's test touches. */
async function freshMember(role: "student" | "instructor" = "student", name?: string) {
  const user = await buildUser(testDb.db, name ? { name } : {});
  await buildMembership(testDb.db, world.courseId, user.id, role);
  return sessionOf(user);
}

/** `count` mentions of `recipient` by the classmate, in new threads, oldest first. */
async function mention(
  recipient: SessionUser,
  count = 1,
  visibility: "course" | "instructors" = "course",
) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { thread } = await as(world.classmate).annotation.create(
      annotationInput(world.publicText, {
        body: mentioning(recipient.id, `رقم ${i} `),
        visibility,
      }),
    );
    ids.push(thread!.id);
  }
  return ids;
}

describe("notification.list / unreadCount / markRead / markAllRead", () => {
  it("lists newest first in pages, with what the notification shows", async () => {
    const me = await freshMember();
    const threads = await mention(me, 5);
    const first = await as(me).notification.list({ limit: 2 });
    expect(first.items.map((n) => n.annotationId)).toEqual([threads[4], threads[3]]);
    expect(first.items[0]).toMatchObject({
      kind: "mention",
      courseId: world.courseId,
      textId: world.publicText.id,
      actor: { state: "named", id: world.classmate.id, name: world.classmate.name },
      snippet: expect.stringContaining("رقم 4"),
      href: `/texts/${world.publicText.id}?thread=${threads[4]}`,
      readAt: null,
    });
    const second = await as(me).notification.list({ limit: 2, cursor: first.nextCursor });
    const third = await as(me).notification.list({ limit: 2, cursor: second.nextCursor });
    expect([...second.items, ...third.items].map((n) => n.annotationId)).toEqual([
      threads[2],
      threads[1],
      threads[0],
    ]);
    expect(third.nextCursor).toBeNull();
    expect(first.lastEventId).toBe(first.items[0]!.id);
  });

  it("counts unread, marks some and then all read, never another person's", async () => {
    const me = await freshMember();
    const other = await freshMember();
    await mention(me, 3);
    await mention(other, 1);
    expect(await as(me).notification.unreadCount()).toEqual({ count: 3, capped: false });
    const { items } = await as(me).notification.list({});
    const [theirs] = (await as(other).notification.list({})).items;
    // Someone else's id is ignored: it stays unread for them.
    expect(await as(me).notification.markRead({ ids: [items[0]!.id, theirs!.id] })).toEqual({
      count: 1,
    });
    expect(await as(other).notification.unreadCount()).toMatchObject({ count: 1 });
    expect(await as(me).notification.unreadCount()).toMatchObject({ count: 2 });
    expect((await as(me).notification.list({ unreadOnly: true })).items).toHaveLength(2);
    // "All read" up to what the reader saw: a newer one stays unread.
    await mention(me, 1);
    expect(await as(me).notification.markAllRead({ upTo: items[0]!.id })).toEqual({ count: 2 });
    expect(await as(me).notification.unreadCount()).toMatchObject({ count: 1 });
    expect(await as(me).notification.markAllRead({})).toEqual({ count: 1 });
    expect(await as(me).notification.unreadCount()).toMatchObject({ count: 0 });
  });

  it("drops notifications about what the recipient may no longer see", async () => {
    const me = await freshMember();
    const [thread] = await mention(me, 1);
    const reply = await as(world.classmate).reply.create({
      annotationId: thread!,
      body: mentioning(me.id),
    });
    expect((await as(me).notification.list({})).items).toHaveLength(2);
    // The reply is deleted by its author: its mention goes.
    await as(world.classmate).reply.delete({ replyId: reply.thread!.replies.at(-1)!.id });
    expect((await as(me).notification.list({})).items.map((n) => n.replyId)).toEqual([null]);
    // The thread becomes private to its author: that one goes too, and from the count.
    await as(world.classmate).annotation.edit({
      annotationId: thread!,
      visibility: "private",
      body: bodyOf("خاص"),
    });
    expect((await as(me).notification.list({})).items).toEqual([]);
    expect(await as(me).notification.unreadCount()).toMatchObject({ count: 0 });
  });

  it("drops them all when the recipient leaves the course", async () => {
    const me = await freshMember();
    await mention(me, 2);
    await testDb.db.membership.delete({
      where: { courseId_userId: { courseId: world.courseId, userId: me.id } },
    });
    expect((await as(me).notification.list({})).items).toEqual([]);
  });

  it("shows a deleted account's act as a deleted user's", async () => {
    const me = await freshMember();
    const writer = await freshMember("student", "كاتب سيحذف حسابه");
    await as(writer).annotation.create(
      annotationInput(world.publicText, { body: mentioning(me.id) }),
    );
    await testDb.db.user.update({
      where: { id: writer.id },
      data: { deletedAt: new Date(), name: "" },
    });
    const [item] = (await as(me).notification.list({})).items;
    expect(item!.actor).toEqual({ state: "deleted" });
  });

  it("refuses bad input and anonymous callers", async () => {
    const me = await freshMember();
    expect(await rejectionOf(as(me).notification.list({ limit: 0 }))).toBe("invalid_input");
    expect(await rejectionOf(as(me).notification.list({ limit: 51 }))).toBe("invalid_input");
    expect(await rejectionOf(as(me).notification.list({ cursor: "abc" }))).toBe("invalid_input");
    expect(await rejectionOf(as(me).notification.markRead({ ids: [] }))).toBe("invalid_input");
    expect(await rejectionOf(as(me).notification.markRead({ ids: ["-1"] }))).toBe("invalid_input");
    expect(await rejectionOf(as(me).notification.markRead({ ids: ["99999999999999999999"] }))).toBe(
      "invalid_input",
    );
    const anonymous = callerFor(testDb.db, null);
    expect(await rejectionOf(anonymous.notification.list({}))).toBe("auth.sign_in_required");
    expect(await rejectionOf(anonymous.notification.unreadCount())).toBe("auth.sign_in_required");
  });
});

describe("notification preferences", () => {
  it("start as in-app on and email off, and change per kind", async () => {
    const me = await freshMember();
    expect(await as(me).notification.preferences()).toEqual([
      { kind: "mention", inApp: true, email: false },
      { kind: "reply", inApp: true, email: false },
      { kind: "moderation", inApp: true, email: false },
    ]);
    await as(me).notification.setPreference({ kind: "mention", inApp: false, email: true });
    expect((await as(me).notification.preferences())[0]).toEqual({
      kind: "mention",
      inApp: false,
      email: true,
    });
    // In-app off: a mention leaves no notification.
    await mention(me, 1);
    expect((await as(me).notification.list({})).items).toEqual([]);
    expect(
      await rejectionOf(
        as(me).notification.setPreference({ kind: "flag" as "mention", inApp: true, email: true }),
      ),
    ).toBe("invalid_input");
  });
});

describe("notification.onNotification (live)", () => {
  async function collect(me: SessionUser, lastEventId?: string | null) {
    const abort = new AbortController();
    const stream = await as(me, abort.signal).notification.onNotification({ lastEventId });
    const got: NotificationView[] = [];
    const running = (async () => {
      try {
        for await (const item of stream as AsyncIterable<unknown>) {
          got.push(
            (Array.isArray(item) ? item[1] : (item as { data: unknown }).data) as NotificationView,
          );
        }
      } catch {}
    })();
    const waitFor = async (count: number) => {
      const deadline = Date.now() + 5_000;
      while (got.length < count) {
        if (Date.now() > deadline) throw new Error(`got ${got.length} of ${count}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return got;
    };
    return {
      got,
      waitFor,
      stop: async () => {
        abort.abort();
        await running;
      },
    };
  }

  it("delivers a person's new notifications as they are created, and nobody else's", async () => {
    const me = await freshMember();
    const other = await freshMember();
    const { lastEventId } = await as(me).notification.list({});
    const live = await collect(me, lastEventId);
    try {
      await mention(other, 1);
      const [thread] = await mention(me, 1);
      const [got] = await live.waitFor(1);
      expect(got).toMatchObject({ kind: "mention", annotationId: thread });
      // A reply to my own thread arrives too (a sentinel: the other's mention came before it).
      const { thread: mine } = await as(me).annotation.create(annotationInput(world.publicText));
      await as(world.classmate).reply.create({ annotationId: mine!.id, body: bodyOf("رد") });
      const all = await live.waitFor(2);
      expect(all.map((n) => n.kind)).toEqual(["mention", "reply"]);
    } finally {
      await live.stop();
    }
  });

  it("catches up from the last id it saw after a reconnect", async () => {
    const me = await freshMember();
    await mention(me, 1);
    const { items } = await as(me).notification.list({});
    const missed = await mention(me, 2);
    const live = await collect(me, items[0]!.id);
    try {
      const got = await live.waitFor(2);
      expect(got.map((n) => n.annotationId)).toEqual(missed);
    } finally {
      await live.stop();
    }
  });

  it("refuses anonymous callers and bad ids, and says so without a hub", async () => {
    const me = await freshMember();
    const anonymous = callerFor(testDb.db, null, { live: hub });
    expect(await rejectionOf(anonymous.notification.onNotification({}))).toBe(
      "auth.sign_in_required",
    );
    expect(await rejectionOf(as(me).notification.onNotification({ lastEventId: "x" }))).toBe(
      "invalid_input",
    );
    const noHub = callerFor(testDb.db, me);
    const stream = await noHub.notification.onNotification({}).catch((error: unknown) => error);
    let refused: unknown = stream;
    if (stream && typeof (stream as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function") {
      refused = await (async () => {
        try {
          for await (const _ of stream as AsyncIterable<unknown>) return "item";
        } catch (error) {
          return error;
        }
      })();
    }
    expect((refused as { cause?: { appCode?: string } }).cause?.appCode).toBe("live.unavailable");
  });
});
