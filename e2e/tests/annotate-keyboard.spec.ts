import { mkdir } from "node:fs/promises";
import { createMember, openAs, threadWith, uid } from "./annotate-helpers";
import { expect, test } from "./fixtures";

const screenshots = new URL("../../.test-results/screenshots/", import.meta.url);

test("a passage is selected and annotated with the keyboard alone, in reading order", async ({
  browser,
  baseURL,
}) => {
  const person = await createMember("student", "لوحة");
  const { context, page } = await openAs(browser, person, baseURL!);
  const selected = () => page.evaluate(() => document.getSelection()?.toString() ?? "");
  const reader = page.getByTestId("reader");

  // Tab to the text (no mouse): the skip link, the header, the help, then the text.
  for (let i = 0; i < 40; i++) {
    if (await reader.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press("Tab");
  }
  await expect(reader).toBeFocused();

  // Paragraph by paragraph to the seventh ("منذ نهاية 1922 …"). The text is right-to-left:
  // Alt+← moves forward, to the next word in reading order.
  for (let i = 0; i < 6; i++) await page.keyboard.press("Alt+PageDown");
  await expect(page.getByTestId("keyboard-caret")).toBeVisible();
  await page.keyboard.press("Alt+Shift+ArrowLeft");
  expect(await selected()).toBe("منذ");
  await page.keyboard.press("Alt+Shift+ArrowLeft");
  await page.keyboard.press("Alt+Shift+ArrowLeft");
  expect(await selected()).toBe("منذ نهاية 1922");
  // Back one word (Alt+Shift+→ in a right-to-left text), then on to the sentence's end.
  await page.keyboard.press("Alt+Shift+ArrowRight");
  expect(await selected()).toBe("منذ نهاية ");
  await page.keyboard.press("Alt+Shift+ArrowDown");
  const sentence = "منذ نهاية 1922 فلاحقا كان نضال لينين الاخير ضد ذلك الارتكاس البيروقراطي.";
  expect(await selected()).toBe(sentence);
  // The page did not go back in history on Alt+arrows.
  await expect(page).toHaveURL(/\/texts\/demo-text$/);

  // Annotate: the composer opens with the passage, focus in the editor.
  await page.keyboard.press("Control+Alt+KeyA");
  const composer = page.getByTestId("thread-composer");
  await expect(composer.locator(".composer-quote")).toHaveText(sentence);
  await expect(page.getByTestId("thread-composer-input")).toBeFocused();
  const comment = `Keyboard only ${uid()}`;
  await page.keyboard.type(comment);
  await mkdir(screenshots, { recursive: true });
  await page.screenshot({ path: new URL("annotate-keyboard-composer.png", screenshots).pathname });
  await page.keyboard.press("Control+Enter");

  const thread = threadWith(page, comment);
  await expect(thread).toBeVisible();
  await expect(thread.locator(".thread-quote")).toHaveText(sentence);
  await page.screenshot({ path: new URL("annotate-keyboard-posted.png", screenshots).pathname });
  await context.close();
});
