// The moderation procedures × every persona, against DESIGN.md's "Who may do what": any member
// (and admins) may flag what they see; the staff — moderators, instructors, admins — hide and
// unhide, approve and deny, delete, lock, mute, read the queue and the audit log, and undo.
// Anonymous callers are asked to sign in; outsiders learn nothing of a course they cannot read;
// members and readers of a public text who may not are told who may.
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLiveHub, type LiveHub } from "../live/hub";
import { rejectionOf } from "../testing/errors";
import { everyPersona, type Outcomes } from "../testing/matrix";
import { annotationInput, buildMembership, buildUser, callerFor } from "../testing/factories";
import { buildCourseWorld, type CourseWorld, type Persona } from "../testing/personas";

let testDb: TestDatabase;
let world: CourseWorld;

let hub: LiveHub;

beforeAll(async () => {
  testDb = await createTestDatabase("api_access_moderation");
  world = await buildCourseWorld(testDb.db);
  hub = createLiveHub(testDb.url, { onError: () => {} });
  await hub.ready();
});
afterAll(async () => {
  await hub.close();
  await testDb.drop();
});

const caller = (persona: Persona) => callerFor(testDb.db, world.users.get(persona) ?? null);
const staffCaller = () => caller("moderator");

/** A fresh thread by the classmate (one per call: a decision cannot be taken twice). */
async function freshThread(onPrivateText = false) {
  const text = onPrivateText ? world.privateText : world.publicText;
  const { thread } = await callerFor(testDb.db, world.classmate).annotation.create(
    annotationInput(text),
  );
  return { type: "annotation" as const, id: thread!.id };
}

async function heldThread() {
  const target = await freshThread();
  await testDb.db.annotation.update({
    where: { id: target.id },
    data: { moderationState: "pending" },
  });
  return target;
}

/** Staff succeed; members and public readers are told; outsiders of a course-only text are not. */
const staffOnItems: Outcomes = {
  anonymous: "auth.sign_in_required",
  "non-member": "moderation.staff_only",
  "student of another course": "moderation.staff_only",
  student: "moderation.staff_only",
  moderator: "resolved",
  instructor: "resolved",
  admin: "resolved",
};
const staffOnPrivateItems: Outcomes = {
  ...staffOnItems,
  "non-member": "not_found",
  "student of another course": "not_found",
};
const staffOfCourse: Outcomes = {
  anonymous: "auth.sign_in_required",
  "non-member": "not_found",
  "student of another course": "not_found",
  student: "course.staff_only",
  moderator: "resolved",
  instructor: "resolved",
  admin: "resolved",
};

describe("moderation.viewerStatus", () => {
  everyPersona(
    "one's own standing on a public text",
    {
      anonymous: "resolved",
      "non-member": "resolved",
      "student of another course": "resolved",
      student: "resolved",
      moderator: "resolved",
      instructor: "resolved",
      admin: "resolved",
    },
    (persona) => caller(persona).moderation.viewerStatus({ textId: world.publicText.id }),
  );
  everyPersona(
    "one's own standing on a course-only text",
    {
      anonymous: "not_found",
      "non-member": "not_found",
      "student of another course": "not_found",
      student: "resolved",
      moderator: "resolved",
      instructor: "resolved",
      admin: "resolved",
    },
    (persona) => caller(persona).moderation.viewerStatus({ textId: world.privateText.id }),
  );
});

describe("moderation.flag", () => {
  everyPersona(
    "flag a course thread of a public text",
    {
      anonymous: "auth.sign_in_required",
      "non-member": "course.members_only",
      "student of another course": "course.members_only",
      student: "resolved",
      moderator: "resolved",
      instructor: "resolved",
      admin: "resolved",
    },
    async (persona) =>
      caller(persona).moderation.flag({ target: await freshThread(), reason: "إساءة" }),
  );
  everyPersona(
    "flag a thread of a course-only text",
    {
      anonymous: "auth.sign_in_required",
      "non-member": "not_found",
      "student of another course": "not_found",
      student: "resolved",
      moderator: "resolved",
      instructor: "resolved",
      admin: "resolved",
    },
    async (persona) =>
      caller(persona).moderation.flag({ target: await freshThread(true), reason: "إساءة" }),
  );
});

describe("decisions on items", () => {
  everyPersona("hide", staffOnItems, async (persona) =>
    caller(persona).moderation.hide({ target: await freshThread(), reason: "سبب" }),
  );
  everyPersona("hide on a course-only text", staffOnPrivateItems, async (persona) =>
    caller(persona).moderation.hide({ target: await freshThread(true), reason: "سبب" }),
  );
  everyPersona("unhide", staffOnItems, async (persona) => {
    const target = await freshThread();
    await staffCaller().moderation.hide({ target, reason: "سبب" });
    return caller(persona).moderation.unhide({ target });
  });
  // Held posts are their author's and the staff's: others cannot even find them.
  const staffOnHeld: Outcomes = {
    ...staffOnItems,
    "non-member": "not_found",
    "student of another course": "not_found",
    student: "not_found",
  };
  everyPersona("approve", staffOnHeld, async (persona) =>
    caller(persona).moderation.approve({ target: await heldThread() }),
  );
  everyPersona("deny", staffOnHeld, async (persona) =>
    caller(persona).moderation.deny({ target: await heldThread(), reason: "سبب" }),
  );
  everyPersona("remove (moderator delete)", staffOnItems, async (persona) =>
    caller(persona).moderation.remove({ target: await freshThread(), reason: "سبب" }),
  );
  everyPersona("keep (reviewed, keep)", staffOnItems, async (persona) => {
    const target = await freshThread();
    await caller("student").moderation.flag({ target, reason: "سبب" });
    return caller(persona).moderation.keep({ target });
  });
  everyPersona("lock", staffOnItems, async (persona) =>
    caller(persona).moderation.lock({ annotationId: (await freshThread()).id }),
  );
  everyPersona("unlock", staffOnItems, async (persona) => {
    const { id } = await freshThread();
    await staffCaller().moderation.lock({ annotationId: id });
    return caller(persona).moderation.unlock({ annotationId: id });
  });
});

/** A fresh student of the course, to mute. */
async function freshStudent() {
  const user = await buildUser(testDb.db);
  await buildMembership(testDb.db, world.courseId, user.id, "student");
  return user.id;
}

const staffOnMembers: Outcomes = {
  ...staffOfCourse,
  student: "moderation.staff_only",
};

describe("mutes", () => {
  everyPersona("mute a student", staffOnMembers, async (persona) =>
    caller(persona).moderation.mute({
      courseId: world.courseId,
      userId: await freshStudent(),
      hours: 1,
      reason: "سبب",
    }),
  );
  everyPersona("unmute a student", staffOnMembers, async (persona) => {
    const userId = await freshStudent();
    await staffCaller().moderation.mute({
      courseId: world.courseId,
      userId,
      hours: 1,
      reason: "x",
    });
    return caller(persona).moderation.unmute({ courseId: world.courseId, userId });
  });
});

describe("queue, audit log, undo", () => {
  everyPersona("read the queue", staffOfCourse, (persona) =>
    caller(persona).moderation.queue({ courseId: world.courseId }),
  );
  it.each(Object.keys(staffOfCourse) as Persona[])(
    "follow the queue live, as %s",
    async (persona) => {
      const abort = new AbortController();
      const live = callerFor(testDb.db, world.users.get(persona) ?? null, {
        live: hub,
        signal: abort.signal,
      });
      const outcome = await rejectionOf(
        live.moderation.onQueueChange({ courseId: world.courseId }),
      );
      abort.abort();
      expect(outcome).toBe(staffOfCourse[persona]);
    },
  );
  everyPersona("read the audit log", staffOfCourse, (persona) =>
    caller(persona).moderation.audit({ courseId: world.courseId }),
  );
  everyPersona("undo an action", staffOnMembers, async (persona) => {
    const { actionId } = await staffCaller().moderation.hide({
      target: await freshThread(),
      reason: "سبب",
    });
    return caller(persona).moderation.undo({ actionId });
  });
});
