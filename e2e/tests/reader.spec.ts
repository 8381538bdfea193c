import { mkdir, readFile } from "node:fs/promises";
import { createDb } from "@hashiya/db";
import { expect, newAccount, signIn, signUp, test } from "./fixtures";

// The file the demo seed imports (a copy of the shared sample essay).
const demoTextPath = new URL("../../prisma/seed/demo-text.ar.txt", import.meta.url);
const screenshots = new URL("../../.test-results/screenshots/", import.meta.url);

/** The seed file's paragraphs as the plain-text import defines them: one per non-empty line. */
async function seedParagraphs(): Promise<string[]> {
  const raw = await readFile(demoTextPath, "utf8");
  return raw
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => line.normalize("NFC"));
}

test("a new reader signs up, signs in and reads the demo text right-to-left in both UI languages", async ({
  page,
}) => {
  const account = newAccount("reader");
  const paragraphs = await seedParagraphs();
  expect(paragraphs).toHaveLength(9);

  // Sign up: the new account is signed in straight away.
  await signUp(page, account);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("button", { name: "تسجيل الخروج" })).toBeVisible();

  // Sign out, then in again with the same password.
  await page.getByRole("button", { name: "تسجيل الخروج" }).click();
  await expect(page.getByRole("link", { name: "تسجيل الدخول" })).toBeVisible();
  await signIn(page, account.email.toUpperCase(), account.password);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("button", { name: "تسجيل الخروج" })).toBeVisible();

  // The home page lists the public demo text.
  const publicTexts = page.getByRole("region", { name: "نصوص عامة" });
  await expect(publicTexts.getByRole("link", { name: "تروتسكي ولينين" })).toBeVisible();
  await publicTexts.getByRole("link", { name: "تروتسكي ولينين" }).click();
  await expect(page).toHaveURL(/\/texts\/demo-text$/);

  const html = page.locator("html");
  const reader = page.getByTestId("reader");
  const textParagraphs = reader.locator(".reader-text p");

  const expectRightToLeftText = async () => {
    await expect(reader).toHaveAttribute("dir", "rtl");
    await expect(reader).toHaveAttribute("lang", "ar");
    await expect(reader).toHaveCSS("direction", "rtl");
    await expect(reader.locator(".reader-text")).toHaveCSS("direction", "rtl");
    await expect(textParagraphs).toHaveCount(9);
    expect(await textParagraphs.allTextContents()).toEqual(paragraphs);
  };

  // Arabic interface.
  await expect(html).toHaveAttribute("lang", "ar");
  await expect(html).toHaveAttribute("dir", "rtl");
  await expectRightToLeftText();
  await mkdir(screenshots, { recursive: true });
  await page.screenshot({ path: new URL("reader-ar.png", screenshots).pathname, fullPage: false });

  // Switch to English: the interface mirrors, the text keeps its own direction.
  await page.getByTestId("language-switch").click();
  await expect(html).toHaveAttribute("dir", "ltr");
  await expect(html).toHaveAttribute("lang", "en");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page.locator("body")).toHaveCSS("direction", "ltr");
  await expectRightToLeftText();
  await page.screenshot({ path: new URL("reader-en.png", screenshots).pathname, fullPage: false });

  // The choice is saved on the account too.
  const db = createDb(process.env.E2E_DATABASE_URL ?? "", { max: 1 });
  try {
    const user = await db.user.findUniqueOrThrow({ where: { email: account.email } });
    expect(user.locale).toBe("en");
  } finally {
    await db.$disconnect();
  }

  // And back to Arabic.
  await page.getByTestId("language-switch").click();
  await expect(html).toHaveAttribute("dir", "rtl");
  await expect(html).toHaveAttribute("lang", "ar");
  await expect(page.getByRole("button", { name: "تسجيل الخروج" })).toBeVisible();
  await expectRightToLeftText();
});
