// An instructor starts a course, adds texts and invites; students join by link (signing up on
// the way) and by code, annotate, and see each other's work live.
import { annotatePhrase, threadWith, uid } from "./annotate-helpers";
import { createPerson, essayLines, say } from "./courses-helpers";
import { expect, newAccount, signIn, test } from "./fixtures";

test("instructor creates a course, adds texts and invites; students join by link and by code and annotate live", async ({
  browser,
  baseURL,
}) => {
  // Three people in three browser contexts: slower than one on a busy machine.
  test.setTimeout(120_000);
  const [teacher, bilal] = await Promise.all([createPerson("مدرّسة"), createPerson("بلال")]);

  // The instructor starts the course from the home page and lands on its settings.
  const t = await browser.newContext({ baseURL, locale: "ar" });
  const teacherPage = await t.newPage();
  await signIn(teacherPage, teacher.email, teacher.password);
  await expect(teacherPage).toHaveURL(/\/$/);
  const courseTitle = `قراءات في الفكر السياسي ${uid()}`;
  await teacherPage
    .getByLabel(say("courseAdmin", "courseTitle"), { exact: true })
    .fill(courseTitle);
  await teacherPage.getByRole("button", { name: say("courseAdmin", "create") }).click();
  await expect(teacherPage).toHaveURL(/\/courses\/[^/]+\/manage$/);
  const courseUrl = teacherPage.url().replace(/\/manage$/, "");

  // A pasted Arabic text, with a due date and instructions.
  const addText = teacherPage.getByRole("form", { name: say("courseAdmin", "addText") });
  await addText.getByLabel(say("courseAdmin", "textTitle"), { exact: true }).fill("تروتسكي ولينين");
  await addText
    .getByLabel(say("courseAdmin", "pasteLabel"), { exact: true })
    .fill(essayLines.slice(0, 3).join("\n"));
  await addText.getByLabel(say("courseAdmin", "dueAt"), { exact: true }).fill("2031-06-01T18:00");
  await addText
    .getByLabel(say("courseAdmin", "instructions"), { exact: true })
    .fill("علّقوا على فقرة واحدة على الأقل.");
  await addText.getByRole("button", { name: say("courseAdmin", "add") }).click();
  await expect(addText.getByRole("status")).toHaveText(
    say("courseAdmin", "textAdded", { title: "تروتسكي ولينين" }),
  );

  // An English Markdown file, uploaded (its language detected).
  await addText.getByLabel(say("courseAdmin", "mode_upload"), { exact: true }).check();
  await addText.getByLabel(say("courseAdmin", "fileLabel"), { exact: true }).setInputFiles({
    name: "on-reading.md",
    mimeType: "text/markdown",
    buffer: Buffer.from("# On reading\n\nRead **slowly**, and together.\n", "utf8"),
  });
  await expect(addText.getByLabel(say("courseAdmin", "textTitle"), { exact: true })).toHaveValue(
    "on reading",
  );
  await addText.getByRole("button", { name: say("courseAdmin", "add") }).click();
  await expect(addText.getByRole("status")).toHaveText(
    say("courseAdmin", "textAdded", { title: "on reading" }),
  );
  const texts = teacherPage.locator(
    "section#course-texts, section[aria-labelledby='course-texts']",
  );
  await expect(texts.getByRole("link", { name: "تروتسكي ولينين" })).toBeVisible();
  await expect(texts.getByRole("link", { name: "on reading" })).toHaveAttribute("lang", "en");

  // An invitation: a link to send and a code to read out.
  await teacherPage.getByRole("button", { name: say("courseAdmin", "createInvite") }).click();
  const invite = teacherPage.getByTestId("invite").first();
  await expect(invite.getByLabel(say("courseAdmin", "inviteLink"), { exact: true })).toHaveValue(
    /\/join\//,
  );
  const link = await invite
    .getByLabel(say("courseAdmin", "inviteLink"), { exact: true })
    .inputValue();
  const code = (await invite.getByTestId("join-code").textContent())?.trim() ?? "";
  expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);

  // Bilal already has an account: he joins with the code, typed in small letters.
  const b = await browser.newContext({ baseURL, locale: "ar" });
  const bilalPage = await b.newPage();
  await signIn(bilalPage, bilal.email, bilal.password);
  await expect(bilalPage).toHaveURL(/\/$/);
  await bilalPage.getByRole("link", { name: say("join", "withCode") }).click();
  await bilalPage
    .getByLabel(say("join", "code"), { exact: true })
    .fill(code.toLowerCase().replace("-", " "));
  await bilalPage.getByRole("button", { name: say("join", "join"), exact: true }).click();
  await expect(bilalPage).toHaveURL(courseUrl);
  await bilalPage.getByRole("link", { name: "تروتسكي ولينين" }).click();
  await expect(bilalPage.locator(".live-status")).toHaveAttribute("data-status", "live");
  // The text shows its instructions; it is not archived.
  await expect(bilalPage.getByText("علّقوا على فقرة واحدة على الأقل.")).toBeVisible();

  // Amal has no account: the link sends her to sign up, and back to join.
  const amalAccount = newAccount("amal");
  const a = await browser.newContext({ baseURL, locale: "ar" });
  const amalPage = await a.newPage();
  await amalPage.goto(link);
  await expect(amalPage.getByText(courseTitle)).toBeVisible();
  await amalPage.getByRole("link", { name: say("join", "signUp") }).click();
  await amalPage.getByLabel("الاسم").fill(amalAccount.name);
  await amalPage.getByLabel("البريد الإلكتروني").fill(amalAccount.email);
  await amalPage.getByLabel("كلمة المرور").fill(amalAccount.password);
  await amalPage.getByRole("button", { name: "أنشئ الحساب" }).click();
  await expect(amalPage).toHaveURL(link);
  await amalPage.getByRole("button", { name: courseTitle }).click();
  await expect(amalPage).toHaveURL(courseUrl);
  await amalPage.getByRole("link", { name: "تروتسكي ولينين" }).click();
  await expect(amalPage.locator(".live-status")).toHaveAttribute("data-status", "live");

  // Amal annotates; Bilal, on the same text, sees it arrive without reloading.
  const comment = `لماذا بقي خارج المعسكرين؟ ${uid()}`;
  await annotatePhrase(amalPage, "تروتسكي", comment);
  await expect(threadWith(bilalPage, comment)).toBeVisible();

  // The instructor sees both students in the members list.
  await teacherPage.reload();
  await expect(teacherPage.getByTestId("member")).toHaveCount(3);
  await expect(teacherPage.getByTestId("invite").first()).toContainText(
    say("courseAdmin", "inviteStatus_active"),
  );

  for (const context of [t, a, b]) await context.close();
});
