import { annotatePhrase, threadWith, uid } from "./annotate-helpers";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { blockingViolations } from "./a11y-helpers";
import { expect, test } from "./fixtures";
import { createClassroom, createMemberIn, openTextAs } from "./moderation-helpers";

/** axe's serious and critical violations inside the thread panel (the cards' moderation parts). */
async function panelViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('[data-testid="thread-panel"]').analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((n) => n.target.join(" ")).join(" | ")}`,
    );
}

test("the moderation controls, marks and page have no serious or critical axe violations, in Arabic and English", async ({
  browser,
  baseURL,
}) => {
  // Six pages checked by axe, two of them with the card's reason form open.
  test.setTimeout(240_000);
  const { courseId, textId } = await createClassroom({ preModeration: true });
  const [student, moderator] = await Promise.all([
    createMemberIn(courseId, "student", "ريم"),
    createMemberIn(courseId, "moderator", "مشرف"),
  ]);
  const s = await openTextAs(browser, student, baseURL!, textId);
  const comment = `مشاركة للفحص ${uid()}`;
  await annotatePhrase(s.page, "بوخارين", comment);
  await expect(threadWith(s.page, comment).getByTestId("moderation-mark")).toBeVisible();
  expect(await panelViolations(s.page), "a pending post, to its author").toEqual([]);

  const m = await openTextAs(browser, moderator, baseURL!, textId);
  for (const locale of ["ar", "en"] as const) {
    await m.context.addCookies([{ name: "locale", value: locale, url: baseURL! }]);
    await m.page.goto(`/texts/${textId}`);
    const card = threadWith(m.page, comment);
    await card.getByTestId("moderation-actions").locator("summary").click();
    await card.locator('[data-decision="deny"]').click();
    expect(await panelViolations(m.page), `card actions with a reason form, ${locale}`).toEqual([]);
    await m.page.goto(`/courses/${courseId}/moderation`);
    await expect(m.page.getByTestId("queue-entry").first()).toBeVisible();
    await expect(m.page.locator("html")).toHaveAttribute("lang", locale);
    expect(await blockingViolations(m.page), `moderation page, ${locale}`).toEqual([]);
  }
  await Promise.all([s.context.close(), m.context.close()]);
});
