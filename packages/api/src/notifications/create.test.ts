import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentMailer, setMailer } from "../mail/mailer";
import { buildCourse, buildMembership, buildText, buildUser } from "../testing/factories";
import { startTestSmtp, TEST_APP_URL, type TestSmtp } from "../testing/smtp";
import { runTransaction } from "./after-commit";
import { NOTIFICATIONS_CHANNEL } from "./channel";
import { createNotifications, type NotificationItem } from "./create";

let testDb: TestDatabase;
let smtp: TestSmtp;
const previousMailer = currentMailer();

beforeAll(async () => {
  testDb = await createTestDatabase("api_notification_create");
  smtp = await startTestSmtp();
  setMailer(smtp.mailer);
});
afterAll(async () => {
  setMailer(previousMailer);
  await smtp.close();
  await testDb.drop();
});

async function scene() {
  const db = testDb.db;
  const course = await buildCourse(db);
  const text = await buildText(db, course.id);
  const actor = await buildUser(db, { name: "سارة" });
  const member = await buildUser(db);
  const outsider = await buildUser(db);
  for (const user of [actor, member]) await buildMembership(db, course.id, user.id, "student");
  const item = (userId: string, kind: NotificationItem["kind"] = "mention"): NotificationItem => ({
    userId,
    kind,
    courseId: course.id,
    textId: text.id,
    annotationId: null,
    actorId: actor.id,
    payload: { snippet: "انظر هنا" },
  });
  return { db, course, text, actor, member, outsider, item };
}

describe("createNotifications", () => {
  it("notifies members once each, never the actor, a non-member or a deleted account", async () => {
    const { db, course, actor, member, outsider, item } = await scene();
    const gone = await buildUser(db);
    await buildMembership(db, course.id, gone.id, "student");
    await db.user.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    const created = await runTransaction(db, (tx) =>
      createNotifications(tx, [
        item(member.id),
        item(member.id),
        item(actor.id),
        item(outsider.id),
        item(gone.id),
      ]),
    );
    expect(created.map((row) => row.userId)).toEqual([member.id]);
    const stored = await db.notification.findMany({ where: { courseId: course.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ userId: member.id, kind: "mention", actorId: actor.id });
  });

  it("follows preferences: in-app off makes no row, email on sends after commit", async () => {
    const { db, course, text, member, item } = await scene();
    await db.notificationPreference.create({
      data: { userId: member.id, kind: "reply", inApp: false, email: true },
    });
    await db.user.update({ where: { id: member.id }, data: { locale: "en" } });
    const before = smtp.received.length;
    const created = await runTransaction(db, (tx) =>
      createNotifications(tx, [item(member.id, "reply")]),
    );
    expect(created).toEqual([]);
    expect(await db.notification.count({ where: { courseId: course.id } })).toBe(0);
    const mails = await smtp.waitFor(before + 1);
    const mail = mails.at(-1)!;
    const { email } = await db.user.findUniqueOrThrow({ where: { id: member.id } });
    expect(mail.to).toBe(email);
    expect(mail.language).toBe("en");
    expect(mail.subject).toBe("سارة replied to your comment on Hashiya");
    expect(mail.text).toContain("انظر هنا");
    expect(mail.text).toContain(`${TEST_APP_URL}/texts/${text.id}`);
  });

  it("sends nothing and stores nothing when the write rolls back", async () => {
    const { db, course, member, item } = await scene();
    await db.notificationPreference.create({
      data: { userId: member.id, kind: "mention", inApp: true, email: true },
    });
    const before = smtp.received.length;
    await expect(
      runTransaction(db, async (tx) => {
        await createNotifications(tx, [{ ...item(member.id), payload: { snippet: "لم يحدث" } }]);
        throw new Error("the write failed");
      }),
    ).rejects.toThrow("the write failed");
    // The message of a later write arrives, and it is the only one: the first was never sent
    // (it would have gone out first, on the same connection path).
    await runTransaction(db, (tx) => createNotifications(tx, [item(member.id)]));
    const mails = (await smtp.waitFor(before + 1)).slice(before);
    expect(mails.map((mail) => mail.text.includes("لم يحدث"))).toEqual([false]);
    expect(await db.notification.count({ where: { courseId: course.id } })).toBe(1);
  });

  it("announces each recipient's id on the channel at commit, and nothing on rollback", async () => {
    const { db, member, item } = await scene();
    const listener = new pg.Client({ connectionString: testDb.url });
    await listener.connect();
    const heard: string[] = [];
    const sentinel = "sentinel";
    let heardSentinel: () => void = () => {};
    const sentinelArrived = new Promise<void>((resolve) => {
      heardSentinel = resolve;
    });
    listener.on("notification", (message) => {
      if (message.payload === sentinel) heardSentinel();
      else if (message.payload) heard.push(message.payload);
    });
    await listener.query(`LISTEN ${NOTIFICATIONS_CHANNEL}`);
    try {
      await runTransaction(db, async (tx) => {
        await createNotifications(tx, [item(member.id)]);
        throw new Error("rolled back");
      }).catch(() => {});
      await runTransaction(db, (tx) => createNotifications(tx, [item(member.id, "reply")]));
      await db.$executeRaw`SELECT pg_notify(${NOTIFICATIONS_CHANNEL}, ${sentinel})`;
      await sentinelArrived;
      expect(heard).toEqual([member.id]);
    } finally {
      await listener.end();
    }
  });

  it("refuses a transaction that was not opened with runTransaction", async () => {
    const { db, member, item } = await scene();
    await expect(
      db.$transaction((tx) => createNotifications(tx, [item(member.id)])),
    ).rejects.toThrow(/runTransaction/);
  });
});
