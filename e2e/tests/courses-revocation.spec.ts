// A student removed from the course while reading one of its texts loses access at once: a
// sentence on the open page, no more live updates, no way to write.
import { errorMessages } from "@hashiya/api/errors";
import { annotatePhrase, threadWith, uid } from "./annotate-helpers";
import {
  createCourseWithText,
  createMemberIn,
  openTextStreams,
  say,
  trackEventSources,
} from "./courses-helpers";
import { expect, signIn, test } from "./fixtures";

test("a removed student's open page loses access at once", async ({ browser, baseURL }) => {
  // Three people in three browser contexts: slower than one on a busy machine.
  test.setTimeout(120_000);
  const { courseId, textId } = await createCourseWithText();
  const [teacher, student, classmate] = await Promise.all([
    createMemberIn(courseId, "instructor", "مدرّس"),
    createMemberIn(courseId, "student", "سارة"),
    createMemberIn(courseId, "student", "يوسف"),
  ]);
  // Her page's live streams are EventSources: kept, so the test can see them closed.
  const s = { context: await browser.newContext({ baseURL, locale: "ar" }) };
  await trackEventSources(s.context);
  const studentPage = await s.context.newPage();
  await signIn(studentPage, student.email, student.password);
  await expect(studentPage).toHaveURL(/\/$/);
  await studentPage.goto(`/texts/${textId}`);
  await expect(studentPage.locator(".live-status")).toHaveAttribute("data-status", "live");
  const c = { context: await browser.newContext({ baseURL, locale: "ar" }) };
  const classmatePage = await c.context.newPage();
  await signIn(classmatePage, classmate.email, classmate.password);
  await expect(classmatePage).toHaveURL(/\/$/);
  await classmatePage.goto(`/texts/${textId}`);
  await expect(classmatePage.locator(".live-status")).toHaveAttribute("data-status", "live");
  const before = `قبل الإزالة ${uid()}`;
  await annotatePhrase(classmatePage, "تروتسكي", before);
  await expect(threadWith(studentPage, before)).toBeVisible();
  await expect(studentPage.getByTestId("notes-status")).toHaveText(say("notes", "saved"));

  // The instructor removes her from the course's members.
  const t = await browser.newContext({ baseURL, locale: "ar" });
  const teacherPage = await t.newPage();
  await signIn(teacherPage, teacher.email, teacher.password);
  await expect(teacherPage).toHaveURL(/\/$/);
  await teacherPage.goto(`/courses/${courseId}/manage`);
  const row = teacherPage.locator(`[data-testid="member"][data-user="${student.id}"]`);
  await row.getByRole("button", { name: say("courseAdmin", "remove") }).click();
  await row.getByRole("button", { name: say("courseAdmin", "removeForGood") }).click();
  await expect(row).toHaveCount(0);

  // Her open page says so, in a sentence, and stops.
  const sentence = errorMessages["course.access_revoked"].ar;
  await expect(studentPage.getByTestId("access-lost")).toHaveText(sentence);
  await expect(studentPage.locator(".live-status")).toHaveAttribute("data-status", "ended");
  await expect(studentPage.getByTestId("shared-notes")).toContainText(sentence);
  // Her notes editor is gone: the sentence stands in its place.
  await expect(studentPage.getByTestId("notes-editor")).toHaveCount(0);

  // No more writing: selecting a passage offers no Annotate button.
  await studentPage.evaluate(() => {
    const p = document.querySelector('[data-testid="reader"] .reader-text p')!;
    const range = document.createRange();
    range.selectNodeContents(p.firstChild!);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  });
  await expect(studentPage.getByRole("button", { name: "علّق" })).toHaveCount(0);

  // And no more live updates: her page holds no live stream open any more.
  await expect.poll(() => openTextStreams(studentPage)).toBe(0);
  const after = `بعد الإزالة ${uid()}`;
  await annotatePhrase(classmatePage, "لينين", after);
  await expect(threadWith(classmatePage, after)).toBeVisible();
  await expect(threadWith(studentPage, after)).toHaveCount(0);

  for (const context of [s.context, c.context, t]) await context.close();
});
