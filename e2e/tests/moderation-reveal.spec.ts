import { annotatePhrase, threadWith, uid } from "./annotate-helpers";
import { expect, test } from "./fixtures";
import { createClassroom, createMemberIn, openTextAs } from "./moderation-helpers";

test("reveal after posting hides classmates' work until the student has posted", async ({
  browser,
  baseURL,
}) => {
  const { courseId, textId } = await createClassroom({ revealAfterPosts: 1 });
  const [early, late] = await Promise.all([
    createMemberIn(courseId, "student", "نور"),
    createMemberIn(courseId, "student", "هادي"),
  ]);
  const e = await openTextAs(browser, early, baseURL!, textId);
  const earlyComment = `قراءة نور ${uid()}`;
  await annotatePhrase(e.page, "بوخارين", earlyComment);

  const l = await openTextAs(browser, late, baseURL!, textId);
  await expect(l.page.getByTestId("reveal-notice")).toBeVisible();
  await expect(l.page.getByText(earlyComment)).toHaveCount(0);

  const lateComment = `قراءة هادي ${uid()}`;
  await annotatePhrase(l.page, "تروتسكي", lateComment);
  // Posting opens the classmates' work: the notice goes and the earlier thread appears.
  await expect(l.page.getByTestId("reveal-notice")).toHaveCount(0);
  await expect(threadWith(l.page, earlyComment)).toBeVisible();
  await expect(threadWith(l.page, lateComment)).toBeVisible();

  await Promise.all([e.context.close(), l.context.close()]);
});

test("names hidden from classmates: a student sees a classmate on the presence bar as an alias, the instructor by name", async ({
  browser,
  baseURL,
}) => {
  const { courseId, textId } = await createClassroom({ namesHidden: true });
  // One after the other: aliases number students by joining order.
  const reader = await createMemberIn(courseId, "student", "ريم");
  const classmate = await createMemberIn(courseId, "student", "سامي");
  const teacher = await createMemberIn(courseId, "instructor", "الأستاذ");
  const r = await openTextAs(browser, reader, baseURL!, textId);
  const c = await openTextAs(browser, classmate, baseURL!, textId);
  const t = await openTextAs(browser, teacher, baseURL!, textId);
  const onClassmates = c.page.getByTestId("presence-bar");
  await expect(onClassmates).toContainText("زميل 1");
  await expect(onClassmates).not.toContainText(reader.name);
  const onTeachers = t.page.getByTestId("presence-bar");
  await expect(onTeachers).toContainText(reader.name);
  await expect(onTeachers).toContainText(classmate.name);
  await expect(onTeachers).not.toContainText("زميل");

  await Promise.all([r.context.close(), c.context.close(), t.context.close()]);
});
