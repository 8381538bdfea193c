import { readFileSync } from "node:fs";
import { errorMessages } from "@hashiya/api/errors";
import { blockingViolations } from "./a11y-helpers";
import { createCourseWithText, createMemberIn, say } from "./courses-helpers";
import { expect, signedIn, test } from "./fixtures";

// The instructor's import on the reader: a Hypothesis file is sent, its progress and report
// shown (the orphan listed with its quote), and the imported thread arrives in the reader with
// its writer's name; a bad file is refused with the item named; students have no import.

const hypothesis = readFileSync(
  new URL(
    "../../packages/annotation-schema/src/w3c/__fixtures__/hypothesis-search.json",
    import.meta.url,
  ),
);

test("an instructor imports a Hypothesis file into a text and sees the report and the threads", async ({
  browser,
  baseURL,
}) => {
  const { courseId, textId } = await createCourseWithText();
  const [teacher, student] = await Promise.all([
    createMemberIn(courseId, "instructor", "مدرّسة"),
    createMemberIn(courseId, "student", "طالب"),
  ]);
  const t = await signedIn(browser, teacher, baseURL!);
  await t.page.goto(`/texts/${textId}`);
  await t.page.getByTestId("import-open").click();
  const dialog = t.page.getByTestId("import-dialog");
  await expect(dialog.getByRole("heading", { name: say("import", "title") })).toBeVisible();

  // A bad file: refused, the item and its problem named, nothing imported.
  await dialog.getByLabel(say("import", "file")).setInputFiles({
    name: "bad.jsonld",
    mimeType: "application/ld+json",
    buffer: Buffer.from(
      JSON.stringify({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        type: "Annotation",
        target: "https://example.org/",
      }),
    ),
  });
  await dialog.getByRole("button", { name: say("import", "submit"), exact: true }).click();
  const refusal = dialog.getByTestId("import-refusal");
  await expect(refusal).toContainText("العنصر 1");

  await dialog.getByLabel(say("import", "file")).setInputFiles({
    name: "hypothesis.json",
    mimeType: "application/json",
    buffer: hypothesis,
  });
  await dialog.getByRole("button", { name: say("import", "submit"), exact: true }).click();
  const report = dialog.getByTestId("import-report");
  await expect(report).toBeVisible();
  await expect(refusal).toHaveCount(0);
  await expect(report.getByTestId("import-orphans")).toContainText("ستالين");
  // The open dialog with its report passes axe (no serious or critical violation).
  expect(await blockingViolations(t.page)).toEqual([]);
  await dialog.getByRole("button", { name: say("import", "close") }).click();

  // The imported question arrives in the reader (live), under the instructor, with the
  // writer's name from the file.
  const thread = t.page.getByTestId("thread").filter({ hasText: "هنا الثورة كلها" });
  await expect(thread).toBeVisible();
  await expect(thread.getByTestId("imported-author").first()).toContainText("سارة الأحمد");

  // A student reads the imported thread but has no import.
  const s = await signedIn(browser, student, baseURL!);
  await s.page.goto(`/texts/${textId}`);
  await expect(s.page.getByTestId("thread").filter({ hasText: "هنا الثورة كلها" })).toBeVisible();
  await expect(s.page.getByTestId("import-open")).toHaveCount(0);
  await t.context.close();
  await s.context.close();
});

test("the import route refuses a file over 20 MB with 413 and the sentence, on the real stack", async ({
  browser,
  baseURL,
}) => {
  const { courseId, textId } = await createCourseWithText();
  const teacher = await createMemberIn(courseId, "instructor", "مدرّس");
  const t = await signedIn(browser, teacher, baseURL!);
  const response = await t.context.request.post(`/api/import/texts/${textId}`, {
    data: Buffer.alloc(20 * 1024 * 1024 + 1, 0x20),
    headers: { "content-type": "application/json" },
  });
  expect(response.status()).toBe(413);
  const { error } = (await response.json()) as { error: { messages: { ar: string } } };
  expect(error.messages.ar).toBe(errorMessages["import.too_large"].ar);
  await t.context.close();
});
