// The moderation procedures against a real database: states and what each viewer then gets,
// flags and the queue, locks, mutes, the audit log and undo.
import type { ThreadView } from "@hashiya/annotation-schema";
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorMessages } from "../errors";
import { rejectionOf } from "../testing/errors";
import { annotationInput, bodyOf, callerFor } from "../testing/factories";
import { buildCourseWorld, type CourseWorld, type Persona } from "../testing/personas";
import type { SessionUser } from "../trpc";

let testDb: TestDatabase;
let world: CourseWorld;

beforeAll(async () => {
  testDb = await createTestDatabase("api_moderation");
  world = await buildCourseWorld(testDb.db);
});
afterAll(() => testDb.drop());

const as = (who: Persona | SessionUser) =>
  callerFor(testDb.db, typeof who === "string" ? (world.users.get(who) ?? null) : who);
const author = () => as(world.classmate);
const text = () => world.publicText;

/** A new course-visible thread by the classmate, with its id. */
async function threadByAuthor(words = "تعليق الزميل") {
  const { thread } = await author().annotation.create(
    annotationInput(text(), { body: bodyOf(words) }),
  );
  return thread!;
}

/** The thread as `who` sees it in `annotation.list` (undefined: not listed). */
async function seenBy(who: Persona | SessionUser, id: string): Promise<ThreadView | undefined> {
  const { threads } = await as(who).annotation.list({ textId: text().id });
  return threads.find((thread) => thread.id === id);
}

const onThread = (id: string) => ({ type: "annotation" as const, id });

describe("hide and unhide", () => {
  it("the author and the staff see it marked with the reason; others a placeholder with nothing of it", async () => {
    const thread = await threadByAuthor("كلام مسيء في التعليق");
    const hidden = await as("moderator").moderation.hide({
      target: onThread(thread.id),
      reason: "  خارج   الموضوع ",
    });
    expect(hidden.thread?.moderation).toEqual({
      state: "hidden",
      reason: "خارج الموضوع",
      withheld: false,
    });
    expect(hidden.actionId).toBeTruthy();

    const own = await seenBy(world.classmate, thread.id);
    expect(own?.moderation).toEqual({ state: "hidden", reason: "خارج الموضوع", withheld: false });
    expect(own?.bodyText).toBe("كلام مسيء في التعليق");
    for (const staff of ["moderator", "instructor", "admin"] as const) {
      const view = await seenBy(staff, thread.id);
      expect(view?.bodyText, staff).toBe("كلام مسيء في التعليق");
      expect(view?.author.id, staff).toBe(world.classmate.id);
    }
    for (const other of ["student", "anonymous", "non-member"] as const) {
      const view = await seenBy(other, thread.id);
      expect(view, other).toBeDefined();
      expect(view?.moderation, other).toEqual({ state: "hidden", reason: null, withheld: true });
      expect(view?.body, other).toBeNull();
      expect(view?.bodyHtml, other).toBeNull();
      expect(view?.bodyText, other).toBeNull();
      expect(view?.author.alias, other).toEqual({ kind: "withheld" });
      const leaked = JSON.stringify(view);
      for (const secret of ["مسيء", "خارج الموضوع", world.classmate.id, world.classmate.name]) {
        expect(leaked, other).not.toContain(secret);
      }
      // Nor can search find it by its words.
      const search = await as(other).annotation.search({ textId: text().id, query: "مسيء" });
      expect(search.threadIds, other).not.toContain(thread.id);
    }
    expect(
      (await as("moderator").annotation.search({ textId: text().id, query: "مسيء" })).threadIds,
    ).toContain(thread.id);

    await as("instructor").moderation.unhide({ target: onThread(thread.id) });
    const back = await seenBy("student", thread.id);
    expect(back?.moderation).toBeUndefined();
    expect(back?.bodyText).toBe("كلام مسيء في التعليق");
  });

  it("refuses a hide without a reason, of what is not visible, and of an author-deleted post", async () => {
    const thread = await threadByAuthor();
    const moderator = as("moderator").moderation;
    expect(await rejectionOf(moderator.hide({ target: onThread(thread.id), reason: "   " }))).toBe(
      "moderation.reason_required",
    );
    expect(
      await rejectionOf(moderator.hide({ target: onThread(thread.id), reason: "x".repeat(501) })),
    ).toBe("moderation.reason_too_long");
    expect(
      await rejectionOf(moderator.hide({ target: onThread(thread.id), reason: "a\u202Eb" })),
    ).toBe("moderation.reason_invalid");
    await moderator.hide({ target: onThread(thread.id), reason: "سبب" });
    expect(
      await rejectionOf(moderator.hide({ target: onThread(thread.id), reason: "مرة أخرى" })),
    ).toBe("moderation.not_visible");
    expect(await rejectionOf(moderator.approve({ target: onThread(thread.id) }))).toBe(
      "moderation.not_pending",
    );
    const gone = await threadByAuthor();
    await author().annotation.delete({ annotationId: gone.id });
    expect(await rejectionOf(moderator.hide({ target: onThread(gone.id), reason: "سبب" }))).toBe(
      "moderation.deleted_by_author",
    );
  });
});

describe("pre-moderation", () => {
  it("holds students' posts until approved; staff posts and private notes are not held", async () => {
    const { db } = testDb;
    await db.course.update({ where: { id: world.courseId }, data: { preModeration: true } });
    try {
      const held = await author().annotation.create(
        annotationInput(text(), { body: bodyOf("رأي ينتظر الموافقة") }),
      );
      expect(held.thread?.moderation).toEqual({ state: "pending", reason: "", withheld: false });
      const note = await author().annotation.create(
        annotationInput(text(), { visibility: "private" }),
      );
      expect(note.thread?.moderation).toBeUndefined();
      const staffPost = await as("instructor").annotation.create(annotationInput(text()));
      expect(staffPost.thread?.moderation).toBeUndefined();

      const id = held.thread!.id;
      expect(await seenBy("student", id)).toBeUndefined();
      expect(await seenBy("anonymous", id)).toBeUndefined();
      expect((await seenBy("moderator", id))?.moderation?.state).toBe("pending");
      // A student's reply is held too, and shown only to its author and the staff.
      const reply = await as("student").reply.create({
        annotationId: staffPost.thread!.id,
        body: bodyOf("رد ينتظر"),
      });
      const replyId = reply.thread!.replies[0]!.id;
      expect(reply.thread!.replies[0]!.moderation?.state).toBe("pending");
      expect((await seenBy(world.classmate, staffPost.thread!.id))?.replies).toEqual([]);

      const { queue } = {
        queue: await as("moderator").moderation.queue({ courseId: world.courseId }),
      };
      const queued = queue.entries.map((entry) => entry.item.id);
      expect(queued).toEqual(expect.arrayContaining([id, replyId]));

      await as("moderator").moderation.approve({ target: onThread(id) });
      expect((await seenBy("student", id))?.bodyText).toBe("رأي ينتظر الموافقة");
      await as("moderator").moderation.deny({
        target: { type: "reply", id: replyId },
        reason: "أعد الصياغة",
      });
      expect((await seenBy(world.classmate, staffPost.thread!.id))?.replies).toEqual([]);
      const own = await seenBy("student", staffPost.thread!.id);
      expect(own?.replies[0]?.moderation).toEqual({
        state: "denied",
        reason: "أعد الصياغة",
        withheld: false,
      });
      const after = await as("moderator").moderation.queue({ courseId: world.courseId });
      expect(after.entries.map((entry) => entry.item.id)).not.toContain(id);
    } finally {
      await db.course.update({ where: { id: world.courseId }, data: { preModeration: false } });
    }
  });
});

describe("pre-moderation of edits", () => {
  it("a student's edit of an approved post waits for approval again; a private note made shared too", async () => {
    const { db } = testDb;
    await db.course.update({ where: { id: world.courseId }, data: { preModeration: true } });
    try {
      const id = (
        await author().annotation.create(annotationInput(text(), { body: bodyOf("رأي أول") }))
      ).thread!.id;
      await as("moderator").moderation.approve({ target: onThread(id) });
      expect((await seenBy("student", id))?.bodyText).toBe("رأي أول");

      // New words: out of classmates' view, back in the queue, marked for the author.
      const edited = await author().annotation.edit({ annotationId: id, body: bodyOf("رأي مسيء") });
      expect(edited.thread?.moderation?.state).toBe("pending");
      expect(await seenBy("student", id)).toBeUndefined();
      const queue = await as("moderator").moderation.queue({ courseId: world.courseId });
      expect(queue.entries.map((entry) => entry.item.id)).toContain(id);
      // A change of tags alone is not new words: an approved post stays approved.
      await as("moderator").moderation.approve({ target: onThread(id) });
      await author().annotation.edit({ annotationId: id, tags: ["سؤال"] });
      expect((await seenBy("student", id))?.bodyText).toBe("رأي مسيء");

      // A private note shared later is a new post for the moderators.
      const note = (
        await author().annotation.create(
          annotationInput(text(), { visibility: "private", body: bodyOf("ملاحظة") }),
        )
      ).thread!.id;
      const shared = await author().annotation.edit({ annotationId: note, visibility: "course" });
      expect(shared.thread?.moderation?.state).toBe("pending");
      expect(await seenBy("student", note)).toBeUndefined();

      // The same for a reply; the staff's own edits are never held.
      const staffPost = (await as("instructor").annotation.create(annotationInput(text()))).thread!
        .id;
      const reply = await author().reply.create({ annotationId: staffPost, body: bodyOf("رد") });
      const replyId = reply.thread!.replies.at(-1)!.id;
      await as("moderator").moderation.approve({ target: { type: "reply", id: replyId } });
      expect((await seenBy("student", staffPost))?.replies.map((r) => r.id)).toContain(replyId);
      await author().reply.edit({ replyId, body: bodyOf("رد معدّل") });
      expect((await seenBy("student", staffPost))?.replies.map((r) => r.id)).not.toContain(replyId);
      const staffEdit = await as("instructor").annotation.edit({
        annotationId: staffPost,
        body: bodyOf("سؤال معدّل"),
      });
      expect(staffEdit.thread?.moderation).toBeUndefined();
    } finally {
      await db.course.update({ where: { id: world.courseId }, data: { preModeration: false } });
    }
  });
});

describe("moderator delete", () => {
  it("keeps the body for the staff, tells the author why, and leaves a tombstone only where replies hang", async () => {
    const lone = await threadByAuthor("نص سيُحذف");
    const withReply = await threadByAuthor("نص له ردود");
    await as("student").reply.create({ annotationId: withReply.id, body: bodyOf("رد") });
    for (const thread of [lone, withReply]) {
      await as("moderator").moderation.remove({ target: onThread(thread.id), reason: "مخالف" });
    }
    expect((await seenBy("instructor", lone.id))?.bodyText).toBe("نص سيُحذف");
    expect((await seenBy("instructor", lone.id))?.moderation?.state).toBe("removed");
    const own = await seenBy(world.classmate, lone.id);
    expect(own?.deleted).toBe(true);
    expect(own?.body).toBeNull();
    expect(own?.moderation).toEqual({ state: "removed", reason: "مخالف", withheld: true });
    expect(await seenBy("student", lone.id)).toBeUndefined();
    const tombstone = await seenBy("student", withReply.id);
    expect(tombstone?.deleted).toBe(true);
    expect(tombstone?.moderation).toEqual({ state: "removed", reason: null, withheld: true });
    expect(JSON.stringify(tombstone)).not.toContain("نص له ردود");
    expect(tombstone?.replies).toHaveLength(1);
    // Nothing more may be added to it; its author may no longer edit it.
    expect(
      await rejectionOf(
        as("student").reply.create({ annotationId: withReply.id, body: bodyOf("x") }),
      ),
    ).toBe("thread.deleted");
    expect(
      await rejectionOf(author().annotation.edit({ annotationId: lone.id, body: bodyOf("y") })),
    ).toBe("thread.deleted");
    // The body stays in the database, for the audit log.
    const stored = await testDb.db.annotation.findUniqueOrThrow({ where: { id: lone.id } });
    expect(stored.bodyText).toBe("نص سيُحذف");
  });

  it("a removed reply is a tombstone for others and keeps its body for the staff", async () => {
    const thread = await threadByAuthor();
    const { thread: withReply } = await as("student").reply.create({
      annotationId: thread.id,
      body: bodyOf("رد مسيء"),
    });
    const replyId = withReply!.replies[0]!.id;
    await as("moderator").moderation.remove({
      target: { type: "reply", id: replyId },
      reason: "سبب",
    });
    const other = (await seenBy(world.classmate, thread.id))?.replies[0];
    expect(other).toMatchObject({ id: replyId, deleted: true, body: null });
    expect(other?.moderation).toEqual({ state: "removed", reason: null, withheld: true });
    const staff = (await seenBy("moderator", thread.id))?.replies[0];
    expect(staff?.body).not.toBeNull();
    expect(staff?.moderation?.state).toBe("removed");
  });
});

describe("lock", () => {
  it("a locked thread takes no new replies until unlocked", async () => {
    const thread = await threadByAuthor();
    const locked = await as("moderator").moderation.lock({ annotationId: thread.id });
    expect(locked.thread?.locked).toBe(true);
    const reply = () => as("student").reply.create({ annotationId: thread.id, body: bodyOf("رد") });
    expect(await rejectionOf(reply())).toBe("thread.locked");
    expect(await rejectionOf(as("moderator").moderation.lock({ annotationId: thread.id }))).toBe(
      "moderation.already_locked",
    );
    await as("moderator").moderation.unlock({ annotationId: thread.id });
    expect(await rejectionOf(reply())).toBe("resolved");
    expect(await rejectionOf(as("moderator").moderation.unlock({ annotationId: thread.id }))).toBe(
      "moderation.not_locked",
    );
  });
});

describe("mute", () => {
  it("a muted student reads but may not write, and is told until when", async () => {
    const student = world.users.get("student")!;
    const thread = await threadByAuthor();
    const muted = await as("moderator").moderation.mute({
      courseId: world.courseId,
      userId: student.id,
      hours: 24,
      reason: "إساءة متكررة",
    });
    expect(muted.mutedUntil!.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);

    const refusal = as("student")
      .annotation.create(annotationInput(text()))
      .catch((error: unknown) => error);
    const error = (await refusal) as { cause?: { params?: { until?: string } } };
    expect(error.cause?.params?.until).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    expect(await rejectionOf(as("student").annotation.create(annotationInput(text())))).toBe(
      "moderation.muted",
    );
    expect(
      await rejectionOf(
        as("student").reply.create({ annotationId: thread.id, body: bodyOf("رد") }),
      ),
    ).toBe("moderation.muted");
    expect(
      await rejectionOf(
        as("student").reaction.set({ target: onThread(thread.id), kind: "heart", on: true }),
      ),
    ).toBe("moderation.muted");
    // Reading goes on, and the page can say until when, and why.
    expect(await seenBy("student", thread.id)).toBeDefined();
    const status = await as("student").moderation.viewerStatus({ textId: text().id });
    expect(status.mute).toEqual({ until: muted.mutedUntil, reason: "إساءة متكررة" });
    expect((await author().moderation.viewerStatus({ textId: text().id })).mute).toBeNull();

    await as("instructor").moderation.unmute({ courseId: world.courseId, userId: student.id });
    expect(await rejectionOf(as("student").annotation.create(annotationInput(text())))).toBe(
      "resolved",
    );
    expect(
      await rejectionOf(
        as("instructor").moderation.unmute({ courseId: world.courseId, userId: student.id }),
      ),
    ).toBe("moderation.not_muted");
  });

  it("fills the end of the mute into both sentences", () => {
    expect(errorMessages["moderation.muted"].en).toContain("{until}");
    expect(errorMessages["moderation.muted"].ar).toContain("{until}");
  });

  it("mutes only students, and only members", async () => {
    const moderatorId = world.users.get("moderator")!.id;
    const input = { courseId: world.courseId, hours: 1, reason: "سبب" };
    expect(
      await rejectionOf(as("instructor").moderation.mute({ ...input, userId: moderatorId })),
    ).toBe("moderation.cannot_mute_staff");
    const outsider = world.users.get("non-member")!.id;
    expect(
      await rejectionOf(as("instructor").moderation.mute({ ...input, userId: outsider })),
    ).toBe("member.not_found");
  });
});

describe("flags and the queue", () => {
  it("one open flag per person per item; the queue shows who flagged and why; keep closes them", async () => {
    const thread = await threadByAuthor("تعليق مثير للجدل");
    const target = onThread(thread.id);
    await as("student").moderation.flag({ target, reason: "إساءة" });
    expect(await rejectionOf(as("student").moderation.flag({ target, reason: "مرة ثانية" }))).toBe(
      "flag.already_open",
    );
    await as("instructor").moderation.flag({ target, reason: "خارج الموضوع" });

    const { entries } = await as("moderator").moderation.queue({ courseId: world.courseId });
    const entry = entries.find((e) => e.item.id === thread.id);
    expect(entry?.item).toMatchObject({
      type: "annotation",
      bodyText: "تعليق مثير للجدل",
      author: { id: world.classmate.id, name: world.classmate.name },
      state: "visible",
    });
    expect(entry?.flags.map((flag) => [flag.flagger.id, flag.reason])).toEqual([
      [world.users.get("student")!.id, "إساءة"],
      [world.users.get("instructor")!.id, "خارج الموضوع"],
    ]);

    const kept = await as("moderator").moderation.keep({ target });
    const after = await as("moderator").moderation.queue({ courseId: world.courseId });
    expect(after.entries.find((e) => e.item.id === thread.id)).toBeUndefined();
    expect(await rejectionOf(as("moderator").moderation.keep({ target }))).toBe(
      "moderation.no_open_flags",
    );
    // A kept flag is closed: its flagger may flag again.
    expect(
      await rejectionOf(as("student").moderation.flag({ target, reason: "ما زال مسيئًا" })),
    ).toBe("resolved");
    await as("moderator").moderation.keep({ target });
    // Undoing "keep" reopens exactly the flags it closed.
    await as("moderator").moderation.undo({ actionId: kept.actionId });
    const reopened = await as("moderator").moderation.queue({ courseId: world.courseId });
    expect(reopened.entries.find((e) => e.item.id === thread.id)?.flags).toHaveLength(2);
  });

  it("a hide resolves the open flags, and its undo reopens them", async () => {
    const thread = await threadByAuthor();
    const target = onThread(thread.id);
    await as("student").moderation.flag({ target, reason: "سبب" });
    const { actionId } = await as("moderator").moderation.hide({ target, reason: "مخفي" });
    const flag = await testDb.db.flag.findFirstOrThrow({ where: { annotationId: thread.id } });
    expect(flag.resolution).toBe("hidden");
    await as("moderator").moderation.undo({ actionId });
    const reopened = await testDb.db.flag.findFirstOrThrow({ where: { annotationId: thread.id } });
    expect(reopened.resolvedAt).toBeNull();
  });

  it("nothing to report in a placeholder", async () => {
    const thread = await threadByAuthor();
    await as("moderator").moderation.hide({ target: onThread(thread.id), reason: "سبب" });
    expect(
      await rejectionOf(
        as("student").moderation.flag({ target: onThread(thread.id), reason: "x" }),
      ),
    ).toBe("flag.not_available");
  });
});

describe("undo", () => {
  it("puts back the state, records the inverse pointing back, and refuses a second undo", async () => {
    const thread = await threadByAuthor();
    const { actionId } = await as("moderator").moderation.hide({
      target: onThread(thread.id),
      reason: "سبب",
    });
    const undone = await as("instructor").moderation.undo({ actionId, reason: "قرار متسرّع" });
    expect(undone.thread?.moderation).toBeUndefined();
    const inverse = await testDb.db.moderationAction.findUniqueOrThrow({
      where: { id: undone.actionId },
    });
    expect(inverse).toMatchObject({ kind: "unhide", undoesId: actionId, reason: "قرار متسرّع" });
    expect(inverse.before).toMatchObject({ state: "hidden" });
    expect(inverse.after).toMatchObject({ state: "visible" });
    const original = await testDb.db.moderationAction.findUniqueOrThrow({
      where: { id: actionId },
    });
    expect(original.undoneAt).not.toBeNull();
    expect(await rejectionOf(as("moderator").moderation.undo({ actionId }))).toBe(
      "moderation.already_undone",
    );
    // An undo is an action too: undoing it hides the post again.
    await as("moderator").moderation.undo({ actionId: undone.actionId });
    expect((await seenBy("student", thread.id))?.moderation?.state).toBe("hidden");
  });

  it("refuses when the state has moved on since, with a sentence, and changes nothing", async () => {
    const thread = await threadByAuthor();
    const target = onThread(thread.id);
    const hide = await as("moderator").moderation.hide({ target, reason: "سبب" });
    await as("moderator").moderation.unhide({ target });
    await as("moderator").moderation.remove({ target, reason: "حذف" });
    expect(await rejectionOf(as("moderator").moderation.undo({ actionId: hide.actionId }))).toBe(
      "moderation.state_moved_on",
    );
    const original = await testDb.db.moderationAction.findUniqueOrThrow({
      where: { id: hide.actionId },
    });
    expect(original.undoneAt).toBeNull();
    expect((await seenBy("moderator", thread.id))?.moderation?.state).toBe("removed");
  });

  it("undoes an approval (the post is pending again, out of classmates' view), a lock and a mute", async () => {
    const { db } = testDb;
    await db.course.update({ where: { id: world.courseId }, data: { preModeration: true } });
    const held = (await author().annotation.create(annotationInput(text()))).thread!;
    await db.course.update({ where: { id: world.courseId }, data: { preModeration: false } });
    const approval = await as("moderator").moderation.approve({ target: onThread(held.id) });
    expect(await seenBy("student", held.id)).toBeDefined();
    await as("moderator").moderation.undo({ actionId: approval.actionId });
    expect(await seenBy("student", held.id)).toBeUndefined();
    expect((await seenBy(world.classmate, held.id))?.moderation?.state).toBe("pending");

    const lock = await as("moderator").moderation.lock({ annotationId: held.id });
    const unlocked = await as("moderator").moderation.undo({ actionId: lock.actionId });
    expect(unlocked.thread?.locked).toBe(false);

    const studentId = world.users.get("student")!.id;
    const mute = await as("moderator").moderation.mute({
      courseId: world.courseId,
      userId: studentId,
      hours: 2,
      reason: "سبب",
    });
    await as("moderator").moderation.undo({ actionId: mute.actionId });
    const membership = await db.membership.findUniqueOrThrow({
      where: { courseId_userId: { courseId: world.courseId, userId: studentId } },
    });
    expect(membership.mutedUntil).toBeNull();
  });
});

describe("audit log", () => {
  it("records every action with actor, time, reason, before and after; staff filter it", async () => {
    const thread = await threadByAuthor("نص للسجل");
    const moderatorId = world.users.get("moderator")!.id;
    const hide = await as("moderator").moderation.hide({
      target: onThread(thread.id),
      reason: "أ",
    });
    await as("instructor").moderation.lock({ annotationId: thread.id, reason: "ب" });

    const { entries } = await as("instructor").moderation.audit({
      courseId: world.courseId,
      memberId: world.classmate.id,
      limit: 100,
    });
    const mine = entries.filter((entry) => entry.item?.annotationId === thread.id);
    expect(mine.map((entry) => entry.kind)).toEqual(["lock", "hide"]);
    const hideEntry = mine[1]!;
    expect(hideEntry).toMatchObject({
      id: hide.actionId,
      actor: { id: moderatorId },
      reason: "أ",
      member: { id: world.classmate.id },
      before: { state: "visible", reason: null },
      after: { state: "hidden", reason: "أ" },
      undoable: true,
      item: { bodyText: "نص للسجل", state: "hidden" },
    });
    expect(hideEntry.createdAt).toBeInstanceOf(Date);

    const byKind = await as("moderator").moderation.audit({
      courseId: world.courseId,
      kind: "lock",
    });
    expect(byKind.entries.every((entry) => entry.kind === "lock")).toBe(true);
    const byActor = await as("moderator").moderation.audit({
      courseId: world.courseId,
      actorId: moderatorId,
    });
    expect(byActor.entries.every((entry) => entry.actor.id === moderatorId)).toBe(true);
    const future = await as("moderator").moderation.audit({
      courseId: world.courseId,
      from: new Date(Date.now() + 60_000),
    });
    expect(future.entries).toEqual([]);
    const byText = await as("moderator").moderation.audit({
      courseId: world.courseId,
      textId: world.privateText.id,
    });
    expect(byText.entries).toEqual([]);

    // Pages: a cursor continues where the last page ended, with no overlap.
    const first = await as("moderator").moderation.audit({ courseId: world.courseId, limit: 1 });
    expect(first.nextCursor).toBe(first.entries[0]?.id);
    const second = await as("moderator").moderation.audit({
      courseId: world.courseId,
      limit: 1,
      cursor: first.nextCursor!,
    });
    expect(second.entries[0]?.id).not.toBe(first.entries[0]?.id);

    // Once the state moved on, the entry says it can no longer be undone.
    await as("moderator").moderation.unhide({ target: onThread(thread.id) });
    const later = await as("moderator").moderation.audit({
      courseId: world.courseId,
      kind: "hide",
    });
    expect(later.entries.find((entry) => entry.id === hide.actionId)?.undoable).toBe(false);
  });
});

describe("notifications", () => {
  it("the author is notified of each decision on their post, with the reason", async () => {
    const thread = await threadByAuthor("نص");
    await as("moderator").moderation.hide({ target: onThread(thread.id), reason: "سبب الإخفاء" });
    const notes = await testDb.db.notification.findMany({
      where: { userId: world.classmate.id, kind: "moderation", annotationId: thread.id },
    });
    expect(notes).toHaveLength(1);
    expect(notes[0]?.payload).toMatchObject({ decision: "hide", reason: "سبب الإخفاء" });
  });
});
