// Mentions and notifications, and the password reset mail: the journeys of issue 5's
// "Mentions and notifications" and "Accounts", in the real stack with a real SMTP server.
import { errorMessages } from "@hashiya/api/errors";
import { createMember, openAs, selectPhrase, threadWith, uid } from "./annotate-helpers";
import { expect, signIn, test } from "./fixtures";
import { mailTo } from "./mail";

test("a student mentions the instructor, who sees the notification arrive live", async ({
  browser,
  baseURL,
}) => {
  const instructor = await createMember("instructor", "الأستاذة هديل");
  const student = await createMember("student", "الطالب يوسف");
  const teacher = await openAs(browser, instructor, baseURL!);
  const bell = teacher.page.getByTestId("notification-bell");
  await expect(bell).toHaveAttribute("data-unread", "0");

  const writer = await openAs(browser, student, baseURL!);
  await selectPhrase(writer.page, "الكواليس", { paragraph: 7 });
  await writer.page.getByRole("button", { name: "علّق" }).click();
  const composer = writer.page.getByTestId("thread-composer");
  await composer.getByTestId("thread-composer-input").click();
  const marker = `رأيك ${uid()}`;
  await writer.page.keyboard.type(`${marker} يا @هديل`);
  // The suggestion comes from the server, matched Arabic-aware, and is picked by keyboard.
  const option = writer.page.getByRole("option", { name: instructor.name });
  await expect(option).toBeVisible();
  await expect(writer.page.getByRole("listbox")).toHaveAttribute("aria-label", "أشخاص يمكنك الإشارة إليهم");
  await writer.page.keyboard.press("Enter");
  await expect(composer.locator(".mention")).toHaveText(`@${instructor.name}`);
  await composer.getByRole("button", { name: "انشر" }).click();
  await expect(threadWith(writer.page, marker)).toBeVisible();
  await expect(threadWith(writer.page, marker).locator(".mention")).toHaveText(`@${instructor.name}`);

  // The instructor did nothing: the count and the announcement arrive over the live stream.
  await expect(bell).toHaveAttribute("data-unread", "1");
  await expect(teacher.page.getByRole("status").filter({ hasText: "إشعار جديد" })).toContainText(
    `أشار إليك ${student.name}`,
  );
  await bell.click();
  await expect(teacher.page).toHaveURL(/\/notifications$/);
  const item = teacher.page.getByTestId("notification-list").getByRole("listitem").first();
  await expect(item).toContainText(student.name);
  await expect(item).toContainText(marker);
  await item.getByRole("link").click();
  await expect(teacher.page).toHaveURL(/\/texts\/demo-text\?thread=/);
  await expect(threadWith(teacher.page, marker)).toBeVisible();
  await expect(teacher.page.getByTestId("notification-bell")).toHaveAttribute("data-unread", "0");

  await teacher.context.close();
  await writer.context.close();
});

test("a person resets a forgotten password through the emailed link", async ({ page }) => {
  const person = await createMember("student", "نسّاء");
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "نسيت كلمة المرور؟" }).click();
  // The sign-in form has an email field too: fill the new page's, not the old one's.
  await expect(page.getByRole("heading", { level: 1, name: "نسيت كلمة المرور؟" })).toBeVisible();
  await page.getByLabel("البريد الإلكتروني").fill(person.email);
  await page.getByRole("button", { name: "أرسل الرابط" }).click();
  await expect(page.getByRole("status")).toContainText("إن كان هناك حساب بهذا العنوان");

  const mail = await mailTo(person.email);
  expect(mail.subject).toBe("اختر كلمة مرور جديدة لحسابك في حاشية");
  const link = mail.text.match(/https?:\/\/\S+\/reset-password\?token=[\w-]+/)?.[0];
  expect(link).toBeTruthy();
  const newPassword = `new lantern ${uid()} river`;
  await page.goto(link!);
  await page.getByLabel("كلمة المرور الجديدة").fill(newPassword);
  await page.getByRole("button", { name: "اعتمد كلمة المرور الجديدة" }).click();
  await expect(page.getByRole("status")).toContainText("اعتُمدت كلمة مرورك");

  // The link works once.
  await page.goto(link!);
  await page.getByLabel("كلمة المرور الجديدة").fill(`${newPassword} again`);
  await page.getByRole("button", { name: "اعتمد كلمة المرور الجديدة" }).click();
  const refusal = errorMessages["account.reset_link_invalid"].ar;
  await expect(page.getByRole("alert").filter({ hasText: refusal })).toBeVisible();

  await signIn(page, person.email, newPassword);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "الحساب" })).toBeVisible();
});

test("a person deletes their account from the settings page and cannot sign in again", async ({
  page,
}) => {
  const person = await createMember("student", "مغادر");
  await signIn(page, person.email, person.password);
  await expect(page).toHaveURL(/\/$/);
  await page.getByRole("link", { name: "الحساب" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "حسابك" })).toBeVisible();
  const remove = page.getByRole("button", { name: "احذف حسابي" });
  await page.getByLabel("اكتب كلمة مرورك للتأكيد").fill(person.password);
  // Nothing happens before the consequence is acknowledged.
  await expect(remove).toBeDisabled();
  await page.getByLabel("أفهم أنه لا يمكن التراجع عن ذلك").check();
  await remove.click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "تسجيل الدخول" })).toBeVisible();

  await signIn(page, person.email, person.password);
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    errorMessages["auth.wrong_password"].ar,
  );
});
