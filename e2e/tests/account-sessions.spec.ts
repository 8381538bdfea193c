// A session reads the account as it is now: a new display name shows everywhere at once, and a
// password change ends the account's other sessions while the browser that made it stays in.
import { createMember, uid } from "./annotate-helpers";
import { expect, signIn, test } from "./fixtures";

test("a password change signs out the account's other browsers, not the one that made it", async ({
  browser,
  baseURL,
}) => {
  const person = await createMember("student", "متنقّل");
  const open = async () => {
    const context = await browser.newContext({ baseURL, locale: "ar" });
    const page = await context.newPage();
    await signIn(page, person.email, person.password);
    await expect(page).toHaveURL(/\/$/);
    return { context, page };
  };
  const laptop = await open();
  const phone = await open();
  const signedInAs = (page: typeof laptop.page) => page.getByRole("banner").locator("bdi");

  // A new name: the header shows it here after saving, and on the other browser's next page.
  const name = `اسم جديد ${uid().slice(-4)}`;
  await laptop.page.goto("/account");
  await laptop.page.getByLabel("الاسم الظاهر").fill(name);
  await laptop.page.getByRole("button", { name: "حفظ الاسم" }).click();
  await expect(laptop.page.getByText("حُفظ اسمك.")).toBeVisible();
  await expect(signedInAs(laptop.page)).toHaveText(name);
  await phone.page.reload();
  await expect(signedInAs(phone.page)).toHaveText(name);

  const newPassword = `another harbour ${uid()} lamp`;
  await laptop.page.getByLabel("كلمة المرور الحالية").fill(person.password);
  await laptop.page.getByLabel("كلمة المرور الجديدة").fill(newPassword);
  await laptop.page.getByRole("button", { name: "تغيير كلمة المرور" }).click();
  await expect(laptop.page.getByText("تغيّرت كلمة مرورك.")).toBeVisible();

  // The phone's session is over: its next page is an anonymous visitor's.
  await phone.page.reload();
  await expect(
    phone.page.getByRole("banner").getByRole("link", { name: "تسجيل الدخول" }),
  ).toBeVisible();
  await phone.page.goto("/account");
  await expect(phone.page).toHaveURL(/\/sign-in/);

  // The laptop stays signed in, with the new password.
  await laptop.page.reload();
  await expect(laptop.page.getByRole("heading", { level: 1, name: "حسابك" })).toBeVisible();
  await expect(signedInAs(laptop.page)).toHaveText(name);

  await laptop.context.close();
  await phone.context.close();
});
