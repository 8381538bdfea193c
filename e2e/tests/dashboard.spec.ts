import { readFile } from "node:fs/promises";
import { errorMessages } from "@hashiya/api/errors";
import { createMember, uid } from "./annotate-helpers";
import { paragraphOf, postAnnotation, react, spanOf } from "./dashboard-helpers";
import { expect, signedIn, test } from "./fixtures";

const DASHBOARD = "/texts/demo-text/dashboard";
const CSV = `${DASHBOARD}/participation.csv`;
const arabic = (n: number) => new Intl.NumberFormat("ar").format(n);

test("the instructor's dashboard follows a student's posts live: table, heat map, confusion", async ({
  browser,
  baseURL,
}) => {
  const [teacher, student, classmate] = await Promise.all([
    createMember("instructor", "مدرّسة"),
    createMember("student", "طالبة"),
    createMember("student", "زميل"),
  ]);
  const t = await signedIn(browser, teacher, baseURL!);
  const s = await signedIn(browser, student, baseURL!);
  const c = await signedIn(browser, classmate, baseURL!);

  // Staff find the dashboard from the course page and from the reader.
  await t.page.goto("/courses/demo-course");
  await t.page.getByTestId("dashboard-link").first().click();
  await expect(t.page).toHaveURL(/\/texts\/demo-text\/dashboard$/);
  await expect(t.page.getByRole("heading", { level: 1 })).toContainText("لوحة المتابعة");
  await t.page.getByRole("link", { name: "العودة إلى النص" }).click();
  await expect(t.page.getByTestId("dashboard-link")).toBeVisible();
  await t.page.goto(DASHBOARD);
  await expect(t.page.getByTestId("dashboard-live")).toHaveAttribute("data-status", "live");
  const row = t.page.locator(`[data-user-id="${student.id}"]`);
  await expect(row.locator('[data-column="annotations"]')).toHaveText(arabic(0));

  // The heat map's count for the paragraph the student is about to annotate.
  const phrase = "الحرب الاهلية";
  const paragraph = t.page
    .getByTestId("heatmap")
    .locator("li")
    .nth(paragraphOf(spanOf(phrase).start));
  const before = Number(await paragraph.getAttribute("data-count"));

  // The student asks a question (6 words); a classmate is confused by it too.
  const question = `لماذا التحق الثوريون بالثورة المضادة؟ ${uid()}`;
  const threadId = await postAnnotation(s.context.request, phrase, question, { isQuestion: true });
  await react(c.context.request, threadId, "confused");

  // No reload: the live stream tells the dashboard, which reads its reports again.
  await expect(row.locator('[data-column="annotations"]')).toHaveText(arabic(1));
  await expect(row.locator('[data-column="questions"]')).toHaveText(arabic(1));
  await expect(row.locator('[data-column="words"]')).toHaveText(arabic(6));
  await expect(row.locator('[data-column="reactionsReceived"]')).toHaveText(arabic(1));
  await expect(paragraph).toHaveAttribute("data-count", String(before + 1));
  // The number is written out, not only shaded.
  await expect(paragraph).toContainText(new Intl.NumberFormat("ar").format(before + 1));
  const link = t.page.getByTestId("confusion").getByRole("link", { name: question });
  await expect(link).toHaveAttribute("href", `/texts/demo-text?thread=${threadId}`);
  // Its line says what it is, whatever other threads share the passage.
  await expect(link.locator("xpath=..")).toContainText("سؤال · 1 محتار · لا ردود");

  // The link opens the thread in the reader: active, and focused for keyboards.
  await link.click();
  await expect(t.page).toHaveURL(new RegExp(`/texts/demo-text\\?thread=${threadId}$`));
  const card = t.page.locator(`[data-thread-id="${threadId}"]`);
  await expect(card).toHaveAttribute("data-active", "true");
  await expect(card).toBeFocused();
  await t.page.goBack();

  // Sorting by a column says so to screen readers.
  const header = t.page.getByRole("columnheader", { name: "التعليقات" });
  await header.getByRole("button").click();
  await expect(header).toHaveAttribute("aria-sort", "descending");
  await t.page.screenshot({
    path: "../.test-results/screenshots/dashboard-ar.png",
    fullPage: true,
  });

  // The CSV: an Arabic file name (RFC 5987), a byte-order mark, the student's row.
  const download = t.page.waitForEvent("download");
  await t.page.getByTestId("csv-download").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^المشاركة - .+\.csv$/);
  const bytes = await readFile((await file.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.toString("utf8");
  expect(csv.split("\r\n")[0]).toContain("الطالب,التعليقات,الأسئلة,الردود,الكلمات");
  expect(csv).toContain(`${student.name},1,1,0,6,1,`);

  const response = await t.context.request.get(CSV);
  expect(response.headers()["content-disposition"]).toMatch(
    /^attachment; filename="?participation-demo-text\.csv"?; filename\*=UTF-8''%D8%A7%D9%84/,
  );
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect((await response.body()).subarray(0, 3).toString("hex")).not.toBe("efbbbf");

  await Promise.all([t.context.close(), s.context.close(), c.context.close()]);
});

test("only the staff may see the dashboard or download its table", async ({ browser, baseURL }) => {
  const student = await createMember("student", "فضولي");
  const s = await signedIn(browser, student, baseURL!);
  await s.page.goto("/courses/demo-course");
  await expect(s.page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(s.page.getByTestId("dashboard-link")).toHaveCount(0);
  await s.page.goto(DASHBOARD);
  await expect(s.page.getByText(errorMessages["dashboard.staff_only"].ar)).toBeVisible();
  await expect(s.page.getByTestId("participation-table")).toHaveCount(0);
  const refused = await s.context.request.get(CSV);
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain(errorMessages["dashboard.staff_only"].ar);

  const anonymous = await browser.newContext({ baseURL, locale: "ar" });
  const response = await anonymous.request.get(CSV);
  expect(response.status()).toBe(401);
  const page = await anonymous.newPage();
  await page.goto(DASHBOARD);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await Promise.all([s.context.close(), anonymous.close()]);
});
