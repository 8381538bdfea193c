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
