import { annotatePhrase, threadWith, uid } from "./annotate-helpers";
import { expect, signIn, test } from "./fixtures";
import { createClassroom, createMemberIn, openTextAs } from "./moderation-helpers";

test("pre-moderation holds a student's post until a moderator approves it from the queue", async ({
  browser,
  baseURL,
}) => {
  const { courseId, textId } = await createClassroom({ preModeration: true });
  const [author, classmate, moderator] = await Promise.all([
    createMemberIn(courseId, "student", "سلمى"),
    createMemberIn(courseId, "student", "كريم"),
    createMemberIn(courseId, "moderator", "مشرف"),
  ]);
  const a = await openTextAs(browser, author, baseURL!, textId);
  const b = await openTextAs(browser, classmate, baseURL!, textId);
  const comment = `رأي ينتظر الموافقة ${uid()}`;

  await annotatePhrase(a.page, "بوخارين", comment);
  await expect(threadWith(a.page, comment).getByTestId("moderation-mark")).toContainText(
    "بانتظار الموافقة",
  );
  // The classmate does not get it (give the live stream time to have brought it, had it leaked).
  const sentinelAuthor = await createMemberIn(courseId, "instructor", "مدرّسة");
  const t = await openTextAs(browser, sentinelAuthor, baseURL!, textId);
  const sentinel = `تعليق المدرّسة ${uid()}`;
  await annotatePhrase(t.page, "تروتسكي", sentinel);
  await expect(threadWith(b.page, sentinel)).toBeVisible();
  await expect(b.page.getByText(comment)).toHaveCount(0);

  // The moderator's page: the held post waits in the queue; approve it.
  const m = await browser.newContext({ baseURL, locale: "ar" });
  const mp = await m.newPage();
  await signIn(mp, moderator.email, moderator.password);
  await expect(mp).toHaveURL(/\/$/);
  await mp.goto(`/courses/${courseId}/moderation`);
  const entry = mp.getByTestId("queue-entry").filter({ hasText: comment });
  await expect(entry).toBeVisible();
  // A post held while the moderator's page is open joins the queue live, without a reload.
  const later = `رأي ثانٍ ينتظر ${uid()}`;
  await annotatePhrase(a.page, "لينين", later);
  await expect(mp.getByTestId("queue-entry").filter({ hasText: later })).toBeVisible();
  await entry.getByRole("button", { name: "موافقة" }).click();
  await expect(entry).toHaveCount(0);
  await expect(mp.getByTestId("audit-entry").filter({ hasText: comment }).first()).toContainText(
    "موافقة",
  );

  // Now the classmate sees it, live, and the author's mark is gone.
  await expect(threadWith(b.page, comment)).toBeVisible();
  await expect(threadWith(a.page, comment).getByTestId("moderation-mark")).toHaveCount(0);

  await Promise.all([a.context.close(), b.context.close(), t.context.close(), m.close()]);
});
