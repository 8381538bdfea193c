import { annotatePhrase, threadWith, uid } from "./annotate-helpers";
import { expect, test } from "./fixtures";
import { createClassroom, createMemberIn, openTextAs } from "./moderation-helpers";

test("the moderator hides an annotation with a reason: its author sees it marked, a classmate the placeholder, live", async ({
  browser,
  baseURL,
}) => {
  const { courseId, textId } = await createClassroom({});
  const [author, classmate, moderator] = await Promise.all([
    createMemberIn(courseId, "student", "أمل"),
    createMemberIn(courseId, "student", "بلال"),
    createMemberIn(courseId, "moderator", "مشرفة"),
  ]);
  const a = await openTextAs(browser, author, baseURL!, textId);
  const b = await openTextAs(browser, classmate, baseURL!, textId);
  const m = await openTextAs(browser, moderator, baseURL!, textId);
  const comment = `تعليق سيُخفى ${uid()}`;
  const reason = `خارج موضوع النص ${uid()}`;

  await annotatePhrase(a.page, "بوخارين", comment);
  await expect(threadWith(b.page, comment)).toBeVisible();
  const onM = threadWith(m.page, comment);
  await expect(onM).toBeVisible();

  // The moderator: "Moderate" → "Hide", a reason, confirm.
  await onM.getByText("إشراف", { exact: true }).click();
  await onM.getByRole("button", { name: "إخفاء", exact: true }).click();
  await onM.getByLabel("لماذا تخفيه؟ (يُبلَّغ كاتبه بذلك)").fill(reason);
  await onM.getByRole("button", { name: "إخفاء", exact: true }).click();
  await expect(onM.getByTestId("moderation-mark")).toContainText(reason);
  await expect(onM.getByRole("status")).toContainText("أُخفي.");

  // The author, without reloading: still their words, marked with the reason.
  const onA = threadWith(a.page, comment);
  await expect(onA.getByTestId("moderation-mark")).toContainText("أخفاه أحد المشرفين");
  await expect(onA.getByTestId("moderation-mark")).toContainText(reason);

  // The classmate, without reloading: the placeholder in the same place, nothing of it.
  await expect(b.page.getByText(comment)).toHaveCount(0);
  const placeholder = b.page.getByTestId("thread").filter({ hasText: "أخفاه أحد المشرفين." });
  await expect(placeholder).toHaveCount(1);
  await expect(placeholder.locator(".thread-quote")).toHaveText("بوخارين");
  await expect(b.page.getByText(reason)).toHaveCount(0);
  // (The author's name may show elsewhere — on the presence bar, they are reading — not here.)
  await expect(placeholder).not.toContainText(author.name);

  // Undo from the card: the classmate gets the words back, live.
  await onM.getByRole("button", { name: "تراجع" }).click();
  await expect(threadWith(b.page, comment)).toBeVisible();

  // The author's notifications say both decisions as sentences, not as the audit log's codes.
  await a.page.goto("/notifications");
  const decisions = a.page.getByRole("main");
  await expect(decisions.getByText("أُخفيت مشاركتك عن طلاب المقرر.")).toBeVisible();
  await expect(decisions.getByText(reason)).toBeVisible();
  await expect(decisions.getByText("تراجع مشرفٌ عن قرار سابق.")).toBeVisible();
  await expect(decisions).not.toContainText("hide");

  await Promise.all([a.context.close(), b.context.close(), m.context.close()]);
});
