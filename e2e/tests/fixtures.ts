import { test as base, type Browser, expect, type Page } from "@playwright/test";

/** Tests run against the stack global-setup.ts started. */
export const test = base.extend({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
  baseURL: async ({}, use) => {
    const url = process.env.E2E_BASE_URL;
    if (!url)
      throw new Error("E2E_BASE_URL is not set: run the tests through playwright.config.ts");
    await use(url);
  },
});

export { expect };

/** A password the API accepts, and an email no other test uses. */
export function newAccount(label: string) {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return {
    name: `قارئ ${label}`,
    email: `${label}-${id}@example.test`,
    password: `orange river ${id} lamp`,
  };
}

export async function signUp(page: Page, account: ReturnType<typeof newAccount>): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("الاسم").fill(account.name);
  await page.getByLabel("البريد الإلكتروني").fill(account.email);
  await page.getByLabel("كلمة المرور").fill(account.password);
  await page.getByRole("button", { name: "أنشئ الحساب" }).click();
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("البريد الإلكتروني").fill(email);
  await page.getByLabel("كلمة المرور").fill(password);
  await page.getByRole("button", { name: "ادخل" }).click();
}

/** A browser context of the person's own, signed in (the UI in Arabic). */
export async function signedIn(
  browser: Browser,
  person: { email: string; password: string },
  baseURL: string,
) {
  const context = await browser.newContext({ baseURL, locale: "ar" });
  const page = await context.newPage();
  await signIn(page, person.email, person.password);
  await expect(page).toHaveURL(/\/$/);
  return { context, page };
}
