// Leaving a course and deleting a text, through the pages: the student who leaves lands on the
// home page with a sentence, the course gone from it; the instructor deletes a text after a
// confirmation that counts what goes with it, and a classmate reading it loses it at once.
import { errorMessages } from "@hashiya/api/errors";
import { annotatePhrase, threadWith, uid } from "./annotate-helpers";
import { createCourseWithText, createMemberIn, say } from "./courses-helpers";
import { expect, signIn, test } from "./fixtures";
import { openTextAs } from "./moderation-helpers";

const plain = (sentence: string) => sentence.replace(/<\/?bdi>/g, "");

test("a student leaves a course; an instructor deletes a text its readers lose at once", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const { courseId, textId } = await createCourseWithText();
  const [teacher, student, classmate] = await Promise.all([
    createMemberIn(courseId, "instructor", "مدرّسة"),
    createMemberIn(courseId, "student", "سلمى"),
    createMemberIn(courseId, "student", "كريم"),
  ]);

  // The student leaves from the course page, after confirming.
  const s = await browser.newContext({ baseURL, locale: "ar" });
  const studentPage = await s.newPage();
  await signIn(studentPage, student.email, student.password);
  await expect(studentPage).toHaveURL(/\/$/);
  await expect(studentPage.locator(`a[href="/courses/${courseId}"]`)).toBeVisible();
  await studentPage.goto(`/courses/${courseId}`);
  await studentPage.getByRole("button", { name: say("courseExits", "leave") }).click();
  await studentPage.getByRole("button", { name: say("courseExits", "leaveForGood") }).click();
  await expect(studentPage).toHaveURL(/\/\?status=left-course$/);
  await expect(studentPage.getByTestId("home-status")).toHaveText(say("courseExits", "leftCourse"));
  await expect(studentPage.locator(`a[href="/courses/${courseId}"]`)).toHaveCount(0);
  await s.close();

  // A classmate reads the text and writes on it while the instructor deletes it.
  const reader = await openTextAs(browser, classmate, baseURL!, textId);
  const words = `قبل الحذف ${uid()}`;
  await annotatePhrase(reader.page, "تروتسكي", words);
  await expect(threadWith(reader.page, words)).toBeVisible();

  const t = await browser.newContext({ baseURL, locale: "ar" });
  const teacherPage = await t.newPage();
  await signIn(teacherPage, teacher.email, teacher.password);
  await expect(teacherPage).toHaveURL(/\/$/);
  await teacherPage.goto(`/courses/${courseId}/manage`);
  const title = (await teacherPage.locator(`a[href="/texts/${textId}"]`).textContent()) ?? "";
  await teacherPage
    .getByRole("button", { name: say("courseExits", "deleteTextNamed", { title }) })
    .click();
  // The confirmation counts what goes and offers the export first.
  await expect(teacherPage.getByTestId("delete-impact")).toContainText("نقاش واحد");
  await expect(teacherPage.getByTestId("confirm-step").getByTestId("export-open")).toBeVisible();
  await teacherPage.getByRole("button", { name: say("courseExits", "deleteForGood") }).click();
  await expect(teacherPage.getByTestId("text-list-status")).toHaveText(
    plain(say("courseExits", "textDeleted", { title })),
  );
  await expect(teacherPage.locator(`a[href="/texts/${textId}"]`)).toHaveCount(0);

  // The reader's open page says so and stops.
  await expect(reader.page.getByTestId("access-lost")).toHaveText(
    errorMessages["course.access_revoked"].ar,
  );
  await expect(reader.page.locator(".live-status")).toHaveAttribute("data-status", "ended");
  await expect(reader.page.getByTestId("notes-editor")).toHaveCount(0);

  await Promise.all([reader.context.close(), t.close()]);
});
