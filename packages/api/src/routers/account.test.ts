import { verifyPassword } from "@hashiya/auth/password";
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createRateLimits } from "../abuse/rate-limits";
import { MEMBERSHIP_CHANNEL } from "../live/membership-channel";
import { hashResetToken } from "../accounts/reset-token";
import { currentMailer, setMailer } from "../mail/mailer";
import { rejectionOf } from "../testing/errors";
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
import { startTestSmtp, TEST_APP_URL, type TestSmtp } from "../testing/smtp";

let testDb: TestDatabase;
let smtp: TestSmtp;
const previousMailer = currentMailer();

beforeAll(async () => {
  testDb = await createTestDatabase("api_account");
  smtp = await startTestSmtp();
  setMailer(smtp.mailer);
});
afterAll(async () => {
  setMailer(previousMailer);
  await smtp.close();
  await testDb.drop();
});

const PASSWORD = "نخلة-عالية-2024";
const NEW_PASSWORD = "قمر فوق البحر 77";
const anonymous = () => callerFor(testDb.db, null);

/** A user with a password, via sign-up as the site does it. */
async function signedUp(locale: "ar" | "en" = "ar", name = "ليلى") {
  const email = `user-${crypto.randomUUID()}@hashiya.test`;
  const { id } = await anonymous().auth.signUp({ name, email, password: PASSWORD, locale });
  const user = await testDb.db.user.findUniqueOrThrow({ where: { id } });
  return { ...user, session: sessionOf(user), caller: callerFor(testDb.db, sessionOf(user)) };
}

const linkToken = (text: string) => {
  const match = text.match(/\/reset-password\?token=([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no reset link in: ${text}`);
  return match[1]!;
};

async function passwordOf(userId: string) {
  return (await testDb.db.user.findUniqueOrThrow({ where: { id: userId } })).passwordHash!;
}

async function sessionsValidFrom(userId: string) {
  return (await testDb.db.user.findUniqueOrThrow({ where: { id: userId } })).sessionsValidFrom;
}

describe("password reset", () => {
  it("mails a single-use link in the account's language that sets a new password", async () => {
    const user = await signedUp("en");
    const before = smtp.received.length;
    expect(
      await anonymous().account.requestPasswordReset({ email: user.email.toUpperCase() }),
    ).toEqual({
      sent: true,
    });
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail).toMatchObject({ to: user.email, subject: "Choose a new password for Hashiya" });
    expect(mail!.text).toContain(`${TEST_APP_URL}/reset-password?token=`);
    const token = linkToken(mail!.text);
    // Only the hash is stored.
    const stored = await testDb.db.passwordResetToken.findMany({ where: { userId: user.id } });
    expect(stored.map((row) => row.tokenHash)).toEqual([hashResetToken(token)]);
    expect(JSON.stringify(stored)).not.toContain(token);

    expect(await anonymous().account.resetPassword({ token, password: NEW_PASSWORD })).toEqual({
      reset: true,
    });
    expect(await verifyPassword(await passwordOf(user.id), NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(await passwordOf(user.id), PASSWORD)).toBe(false);
    // Every session signed in before the reset is over (the web app's session check reads it).
    expect(await sessionsValidFrom(user.id)).not.toBeNull();
    expect(
      await rejectionOf(
        anonymous().account.resetPassword({ token, password: "another long one 42" }),
      ),
    ).toBe("account.reset_link_invalid");
  });

  it("answers an unknown address exactly as a known one, and sends nothing", async () => {
    const before = smtp.received.length;
    const answer = await anonymous().account.requestPasswordReset({
      email: "nobody-here@hashiya.test",
    });
    expect(answer).toEqual({ sent: true });
    // A known address's message sent afterwards is the only one that arrives.
    const user = await signedUp();
    await anonymous().account.requestPasswordReset({ email: user.email });
    const mails = (await smtp.waitFor(before + 1)).slice(before);
    expect(mails.map((mail) => mail.to)).toEqual([user.email]);
    expect(mails[0]!.subject).toBe("اختر كلمة مرور جديدة لحسابك في حاشية");
  });

  it("refuses an expired link, an unknown one and a malformed one alike", async () => {
    const user = await signedUp();
    const before = smtp.received.length;
    await anonymous().account.requestPasswordReset({ email: user.email });
    const token = linkToken((await smtp.waitFor(before + 1))[before]!.text);
    await testDb.db.passwordResetToken.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const reset = (t: string) =>
      rejectionOf(anonymous().account.resetPassword({ token: t, password: NEW_PASSWORD }));
    expect(await reset(token)).toBe("account.reset_link_invalid");
    expect(await reset("A".repeat(43))).toBe("account.reset_link_invalid");
    expect(await reset("short")).toBe("account.reset_link_invalid");
    expect(await reset(`${"A".repeat(42)}<`)).toBe("account.reset_link_invalid");
    expect(await verifyPassword(await passwordOf(user.id), PASSWORD)).toBe(true);
  });

  it("keeps the link for another try after a weak password, and spends every link on success", async () => {
    const user = await signedUp();
    const before = smtp.received.length;
    await anonymous().account.requestPasswordReset({ email: user.email });
    await anonymous().account.requestPasswordReset({ email: user.email });
    const mails = (await smtp.waitFor(before + 2)).slice(before);
    const [first, second] = mails.map((mail) => linkToken(mail.text));
    expect(
      await rejectionOf(anonymous().account.resetPassword({ token: first!, password: "short" })),
    ).toBe("auth.weak_password.too_short");
    await anonymous().account.resetPassword({ token: first!, password: NEW_PASSWORD });
    expect(
      await rejectionOf(
        anonymous().account.resetPassword({ token: second!, password: NEW_PASSWORD }),
      ),
    ).toBe("account.reset_link_invalid");
  });

  it("lets exactly one of two simultaneous uses of a link through", async () => {
    const user = await signedUp();
    const before = smtp.received.length;
    await anonymous().account.requestPasswordReset({ email: user.email });
    const token = linkToken((await smtp.waitFor(before + 1))[before]!.text);
    const outcomes = await Promise.all([
      rejectionOf(anonymous().account.resetPassword({ token, password: NEW_PASSWORD })),
      rejectionOf(anonymous().account.resetPassword({ token, password: "a different long one 9" })),
    ]);
    expect(outcomes.sort()).toEqual(["account.reset_link_invalid", "resolved"]);
  });

  it("gives no link to a deleted account", async () => {
    const user = await signedUp();
    await user.caller.account.delete({ password: PASSWORD });
    const before = smtp.received.length;
    const other = await signedUp();
    await anonymous().account.requestPasswordReset({ email: user.email });
    await anonymous().account.requestPasswordReset({ email: other.email });
    const mails = (await smtp.waitFor(before + 1)).slice(before);
    expect(mails.map((mail) => mail.to)).toEqual([other.email]);
  });

  it("limits requests politely: per email and address, the same for unknown addresses", async () => {
    const limits = createRateLimits();
    try {
      const from = (address: string) =>
        callerFor(testDb.db, null, { rateLimits: limits, clientAddress: address });
      const ask = (address: string, email: string) =>
        rejectionOf(from(address).account.requestPasswordReset({ email }));
      for (let i = 0; i < 5; i++)
        expect(await ask("10.0.0.1", "someone@hashiya.test")).toBe("resolved");
      expect(await ask("10.0.0.1", "someone@hashiya.test")).toBe("rate_limit.password_reset");
      // Another email from the same address still gets its own few tries.
      expect(await ask("10.0.0.1", "another@hashiya.test")).toBe("resolved");
      expect(await ask("10.0.0.2", "someone@hashiya.test")).toBe("resolved");
    } finally {
      await limits.close();
    }
  });
});

describe("account.rename / changePassword / profile", () => {
  it("sanitises a new name like bodies and refuses empty or over-long ones", async () => {
    const user = await signedUp();
    const renamed = await user.caller.account.rename({ name: "  \u202Eسا\u0631ة\u202C\tعلي  " });
    expect(renamed.name).toBe("سارة علي");
    expect((await user.caller.account.profile()).name).toBe("سارة علي");
    for (const name of ["", "   ", "\u202E\u2066", "ب".repeat(81)]) {
      expect(await rejectionOf(user.caller.account.rename({ name })), JSON.stringify(name)).toBe(
        "display_name.invalid",
      );
    }
  });

  it("changes the password with the current one, refusing a wrong or weak one", async () => {
    const user = await signedUp();
    const change = (currentPassword: string, newPassword: string) =>
      rejectionOf(user.caller.account.changePassword({ currentPassword, newPassword }));
    expect(await change("not my password", NEW_PASSWORD)).toBe("account.wrong_password");
    expect(await change(PASSWORD, "aaaaaaaaaaaa")).toBe("auth.weak_password.too_simple");
    // A refused change ends no session.
    expect(await sessionsValidFrom(user.id)).toBeNull();
    const before = Date.now();
    expect(await change(PASSWORD, NEW_PASSWORD)).toBe("resolved");
    expect(await verifyPassword(await passwordOf(user.id), NEW_PASSWORD)).toBe(true);
    expect((await sessionsValidFrom(user.id))!.getTime()).toBeGreaterThanOrEqual(before);
  });
});

describe("account.exportData", () => {
  it("holds the person's own work, private threads included, and nobody else's", async () => {
    const course = await buildCourse(testDb.db);
    const text = await buildText(testDb.db, course.id);
    const me = await signedUp();
    const other = await buildUser(testDb.db);
    await buildMembership(testDb.db, course.id, me.id, "student");
    await buildMembership(testDb.db, course.id, other.id, "student");
    const them = callerFor(testDb.db, sessionOf(other));
    const { thread: mine } = await me.caller.annotation.create(
      annotationInput(text, { visibility: "private", body: bodyOf("سرّي") }),
    );
    const { thread: theirs } = await them.annotation.create(
      annotationInput(text, { body: bodyOf("لهم") }),
    );
    await me.caller.reply.create({ annotationId: theirs!.id, body: bodyOf("ردّي") });
    await them.reply.create({ annotationId: theirs!.id, body: bodyOf("ردّهم") });
    await me.caller.reaction.set({
      target: { type: "annotation", id: theirs!.id },
      kind: "heart",
      on: true,
    });

    const data = await me.caller.account.exportData();
    expect(data.profile).toMatchObject({ id: me.id, email: me.email });
    expect(data.memberships).toEqual([
      expect.objectContaining({ courseId: course.id, role: "student" }),
    ]);
    expect(data.annotations.map((a) => [a.id, a.bodyText, a.visibility])).toEqual([
      [mine!.id, "سرّي", "private"],
    ]);
    expect(data.replies.map((r) => r.bodyText)).toEqual(["ردّي"]);
    expect(data.reactions).toEqual([
      expect.objectContaining({ on: "annotation", id: theirs!.id, kind: "heart" }),
    ]);
    // The reply to their thread notified them, not me; my data has no notification of theirs.
    expect(data.notifications).toEqual([]);
    expect(JSON.stringify(data)).not.toContain("ردّهم");
    expect(JSON.stringify(data)).not.toContain(other.email);
  });
});

describe("account.delete", () => {
  async function courseWith(policy: "anonymise" | "remove") {
    const course = await testDb.db.course.create({
      data: { title: `سياسة ${policy}`, deletedAuthorPolicy: policy },
    });
    const text = await buildText(testDb.db, course.id);
    const teacher = await buildUser(testDb.db);
    await buildMembership(testDb.db, course.id, teacher.id, "instructor");
    return { course, text, teacher: callerFor(testDb.db, sessionOf(teacher)) };
  }

  it("needs the password, then ends sessions, anonymises the account and frees its email", async () => {
    const user = await signedUp();
    expect(await rejectionOf(user.caller.account.delete({ password: "wrong password!" }))).toBe(
      "account.wrong_password",
    );
    expect(await user.caller.account.delete({ password: PASSWORD })).toEqual({ deleted: true });
    const row = await testDb.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ name: "", passwordHash: null, isAdmin: false });
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(row.email).not.toBe(user.email);
    // The old session counts as signed out everywhere.
    expect(await rejectionOf(user.caller.account.profile())).toBe("auth.sign_in_required");
    expect(await rejectionOf(user.caller.notification.unreadCount())).toBe("auth.sign_in_required");
    // The address may be used again.
    expect(
      await rejectionOf(
        anonymous().auth.signUp({
          name: "جديد",
          email: user.email,
          password: PASSWORD,
          locale: "ar",
        }),
      ),
    ).toBe("resolved");
  });

  it("keeps their words where the course anonymises, and takes them away where it removes", async () => {
    const keep = await courseWith("anonymise");
    const remove = await courseWith("remove");
    const user = await signedUp();
    await buildMembership(testDb.db, keep.course.id, user.id, "student");
    await buildMembership(testDb.db, remove.course.id, user.id, "student");
    const { thread: kept } = await user.caller.annotation.create(
      annotationInput(keep.text, { body: bodyOf("يبقى") }),
    );
    const { thread: lone } = await user.caller.annotation.create(
      annotationInput(remove.text, { body: bodyOf("يذهب") }),
    );
    const { thread: answered } = await user.caller.annotation.create(
      annotationInput(remove.text, { body: bodyOf("عليه رد") }),
    );
    await remove.teacher.reply.create({ annotationId: answered!.id, body: bodyOf("رد المدرّس") });
    const { thread: teachers } = await remove.teacher.annotation.create(
      annotationInput(remove.text),
    );
    await user.caller.reply.create({ annotationId: teachers!.id, body: bodyOf("ردّي يذهب") });
    await user.caller.reaction.set({
      target: { type: "annotation", id: teachers!.id },
      kind: "thanks",
      on: true,
    });

    await user.caller.account.delete({ password: PASSWORD });

    const keptRow = await testDb.db.annotation.findUniqueOrThrow({ where: { id: kept!.id } });
    expect(keptRow).toMatchObject({ bodyText: "يبقى", deletedAt: null, authorId: user.id });
    const seen = await keep.teacher.annotation.list({ textId: keep.text.id });
    expect(seen.threads.map((t) => t.bodyText)).toEqual(["يبقى"]);
    // Shown as a deleted user's: nothing leads back to the account.
    expect(seen.threads[0]!.author).toMatchObject({
      id: "deleted",
      name: "",
      alias: { kind: "deleted" },
    });

    const list = await remove.teacher.annotation.list({ textId: remove.text.id });
    const ids = list.threads.map((t) => t.id);
    expect(ids).not.toContain(lone!.id);
    const tombstone = list.threads.find((t) => t.id === answered!.id)!;
    expect(tombstone).toMatchObject({ deleted: true, body: null });
    expect(tombstone.replies.map((r) => r.bodyHtml)).toEqual(['<p dir="auto">رد المدرّس</p>']);
    const onTeachers = list.threads.find((t) => t.id === teachers!.id)!;
    expect(onTeachers.replies).toEqual([]);
    expect(onTeachers.reactions.find((r) => r.kind === "thanks")?.count ?? 0).toBe(0);
    expect(await testDb.db.membership.count({ where: { userId: user.id } })).toBe(0);
  });

  it("announces the end of each membership, so open connections drop the courses at once", async () => {
    const user = await signedUp();
    const courses = [await buildCourse(testDb.db), await buildCourse(testDb.db)];
    for (const course of courses) await buildMembership(testDb.db, course.id, user.id, "student");
    const listener = new pg.Client({ connectionString: testDb.url });
    await listener.connect();
    const heard: unknown[] = [];
    listener.on("notification", (message) => heard.push(JSON.parse(message.payload ?? "null")));
    await listener.query(`LISTEN ${MEMBERSHIP_CHANNEL}`);
    try {
      await user.caller.account.delete({ password: PASSWORD });
      await expect.poll(() => heard.length).toBe(2);
      expect(heard).toEqual(
        expect.arrayContaining(courses.map((course) => ({ courseId: course.id, userId: user.id }))),
      );
    } finally {
      await listener.end();
    }
  });

  it("refuses while they are a course's only instructor with members, or the only admin", async () => {
    const teacher = await signedUp();
    const course = await buildCourse(testDb.db);
    await buildMembership(testDb.db, course.id, teacher.id, "instructor");
    const student = await buildUser(testDb.db);
    await buildMembership(testDb.db, course.id, student.id, "student");
    expect(await rejectionOf(teacher.caller.account.delete({ password: PASSWORD }))).toBe(
      "account.last_instructor",
    );
    await testDb.db.membership.update({
      where: { courseId_userId: { courseId: course.id, userId: student.id } },
      data: { role: "instructor" },
    });
    expect(await rejectionOf(teacher.caller.account.delete({ password: PASSWORD }))).toBe(
      "resolved",
    );

    const admins = await testDb.db.user.findMany({ where: { isAdmin: true } });
    await testDb.db.user.updateMany({ where: { isAdmin: true }, data: { isAdmin: false } });
    try {
      const admin = await signedUp();
      await testDb.db.user.update({ where: { id: admin.id }, data: { isAdmin: true } });
      expect(await rejectionOf(admin.caller.account.delete({ password: PASSWORD }))).toBe(
        "admin.last_admin",
      );
    } finally {
      await testDb.db.user.updateMany({
        where: { id: { in: admins.map((a) => a.id) } },
        data: { isAdmin: true },
      });
    }
  });

  it("refuses bad input and anonymous callers", async () => {
    expect(await rejectionOf(anonymous().account.delete({ password: PASSWORD }))).toBe(
      "auth.sign_in_required",
    );
    expect(await rejectionOf(anonymous().account.exportData())).toBe("auth.sign_in_required");
    const user = await signedUp();
    expect(await rejectionOf(user.caller.account.delete({ password: "" }))).toBe("invalid_input");
    expect(
      await rejectionOf(anonymous().account.requestPasswordReset({ email: "not an email" })),
    ).toBe("invalid_input");
  });
});
