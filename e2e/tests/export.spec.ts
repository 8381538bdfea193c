import { readFile } from "node:fs/promises";
import { createMember, DEMO_TEXT_PATH, uid } from "./annotate-helpers";
import { postAnnotation } from "./dashboard-helpers";
import { expect, signedIn, test } from "./fixtures";

// The export route on the production server: exports run in the export worker thread (a chunk
// of the Next build of its own), so these download what that thread streams back.

const W3C = "/api/export/texts/demo-text?format=w3c";

test("the instructor downloads the text's discussion as W3C JSON-LD, from the dialog and the route", async ({
  browser,
  baseURL,
}) => {
  const [teacher, student] = await Promise.all([
    createMember("instructor", "مدرّسة"),
    createMember("student", "طالبة"),
  ]);
  const s = await signedIn(browser, student, baseURL!);
  const comment = `تعليق للتصدير ${uid()}`;
  const threadId = await postAnnotation(s.context.request, "الحرب الاهلية", comment);
  const t = await signedIn(browser, teacher, baseURL!);

  const response = await t.context.request.get(W3C);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/ld+json");
  expect(Number(response.headers()["x-total-count"])).toBeGreaterThan(0);
  const collection = await response.json();
  expect(collection.type).toBe("AnnotationCollection");
  const item = collection.first.items.find((a: { id: string }) => a.id.endsWith(threadId));
  expect(JSON.stringify(item)).toContain(comment);

  // The staff's dialog streams the same route into a file.
  await t.page.goto(DEMO_TEXT_PATH);
  await t.page.getByTestId("export-open").click();
  const dialog = t.page.getByTestId("export-dialog");
  await dialog.getByRole("radio", { name: /W3C/ }).check();
  const download = t.page.waitForEvent("download");
  await dialog.getByRole("button", { name: "تنزيل" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^hashiya-text-demo-text-.+\.jsonld$/);
  const saved = JSON.parse(await readFile((await file.path())!, "utf8"));
  expect(JSON.stringify(saved.first.items)).toContain(comment);

  // A student exports only their own work; signed out, the route asks to sign in.
  const own = await s.context.request.get(W3C);
  expect(own.status()).toBe(200);
  expect((await own.json()).first.items.map((a: { id: string }) => a.id)).toEqual([
    expect.stringMatching(new RegExp(`${threadId}$`)),
  ]);
  const anonymous = await browser.newContext({ baseURL });
  expect((await anonymous.request.get(W3C)).status()).toBe(401);

  await Promise.all([t.context.close(), s.context.close(), anonymous.close()]);
});
