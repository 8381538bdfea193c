import { mkdir } from "node:fs/promises";
import {
  annotatePhrase,
  createMember,
  highlightedStrings,
  lastEventIdInDb,
  openAs,
  selectPhrase,
  threadWith,
  uid,
  writeAndPost,
} from "./annotate-helpers";
import { errorMessages } from "@hashiya/api/errors";
import { expect, test } from "./fixtures";

const screenshots = new URL("../../.test-results/screenshots/", import.meta.url);
const shot = (name: string) => new URL(name, screenshots).pathname;

test("A annotates a word chosen with the mouse, B sees it live; B replies, A sees the reply", async ({
  browser,
  baseURL,
}) => {
  const [amal, bilal] = await Promise.all([
    createMember("student", "أمل"),
    createMember("student", "بلال"),
  ]);
  const a = await openAs(browser, amal, baseURL!);
  const b = await openAs(browser, bilal, baseURL!);
  await mkdir(screenshots, { recursive: true });
  const comment = `من هو بوخارين هنا؟ ${uid()}`;
  const reply = `Bukharin, the party's theorist ${uid()}`;

  // A double-clicks a word (the browser selects it), then the floating button.
  const word = "بوخارين";
  const box = await a.page.evaluate((word) => {
    const p = document.querySelector('[data-testid="reader"] .reader-text p')!;
    const node = p.firstChild as Text;
    const range = document.createRange();
    const at = node.data.indexOf(word);
    range.setStart(node, at);
    range.setEnd(node, at + word.length);
    range.startContainer.parentElement?.scrollIntoView({ block: "center" });
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, word);
  await a.page.mouse.dblclick(box.x, box.y);
  await expect.poll(() => a.page.evaluate(() => document.getSelection()?.toString().trim())).toBe(word);
  await a.page.getByRole("button", { name: "علّق" }).click();
  await expect(a.page.getByTestId("thread-composer").locator(".composer-quote")).toHaveText(word);
  await writeAndPost(a.page, comment, { question: true, tags: "تاريخ, أسماء" });
  await a.page.screenshot({ path: shot("annotate-a-posted.png") });

  // B: the thread and its highlight arrive without a reload.
  const onB = threadWith(b.page, comment);
  await expect(onB).toBeVisible({ timeout: 5_000 });
  await expect(onB.locator(".thread-quote")).toHaveText(word);
  await expect(onB.getByText("سؤال", { exact: true })).toBeVisible();
  await expect(onB.getByRole("button", { name: "#تاريخ" })).toBeVisible();
  expect(await highlightedStrings(b.page)).toContain(word);
  await expect(b.page.getByTestId("passage-badge").first()).toBeVisible();

  // The badge follows the passage when the text reflows (a narrower window).
  const badgeBesidePassage = () =>
    b.page.evaluate((word) => {
      const p = document.querySelector('[data-testid="reader"] .reader-text p')!;
      const node = p.firstChild as Text;
      const range = document.createRange();
      const at = node.data.indexOf(word);
      range.setStart(node, at);
      range.setEnd(node, at + word.length);
      const line = range.getClientRects()[0]!;
      const badges = Array.from(document.querySelectorAll(`[data-testid="passage-badge"]`));
      return badges.some((badge) => {
        const box = badge.getBoundingClientRect();
        return box.top >= line.top - 1 && box.top <= line.bottom;
      });
    }, word);
  expect(await badgeBesidePassage()).toBe(true);
  await b.page.setViewportSize({ width: 900, height: 720 });
  await expect.poll(badgeBesidePassage).toBe(true);
  await b.page.setViewportSize({ width: 1280, height: 720 });

  // B replies; A sees it live.
  await onB.getByRole("button", { name: "ردّ", exact: true }).click();
  await b.page.getByTestId("reply-composer-input").click();
  await b.page.keyboard.type(reply);
  await b.page.getByTestId("reply-composer").getByRole("button", { name: "أرسل الرد" }).click();
  await expect(onB.locator(".reply")).toContainText(reply);
  const onA = threadWith(a.page, comment);
  await expect(onA.locator(".reply")).toContainText(reply, { timeout: 5_000 });
  // An English reply in an Arabic interface still reads left-to-right (dir="auto").
  await expect(onA.locator(".reply .comment-body p")).toHaveCSS("direction", "ltr");

  // A reacts; B sees the count.
  await onA.getByRole("button", { name: /^تأييد/ }).first().click();
  await expect(onB.locator('[data-reaction="upvote"]').first()).toContainText("1");
  await b.page.screenshot({ path: shot("annotate-b-live.png") });

  // A edits the comment; B sees the new text. A deletes it; the reply keeps a tombstone.
  const edited = `${comment} (معدّل)`;
  await onA.getByRole("button", { name: "تعديل", exact: true }).first().click();
  await a.page.keyboard.press("End");
  await a.page.keyboard.type(" (معدّل)");
  await onA.getByRole("button", { name: "احفظ" }).click();
  await expect(onB.locator(".comment-body").first()).toHaveText(edited);
  await onA.getByRole("button", { name: "حذف", exact: true }).first().click();
  await a.page.getByRole("button", { name: "نعم، احذف" }).click();
  const tombstone = b.page.getByTestId("thread").filter({ hasText: reply });
  await expect(tombstone.locator(".tombstone").first()).toHaveText("حُذف هذا التعليق.");
  await expect(tombstone).not.toContainText(comment);
  await expect(tombstone.locator(".reply")).toContainText(reply);

  await a.context.close();
  await b.context.close();
});

test("a private comment reaches no one else; an instructors-only one reaches staff, not students", async ({
  browser,
  baseURL,
}) => {
  const [author, student, instructor] = await Promise.all([
    createMember("student", "كاتب"),
    createMember("student", "طالب"),
    createMember("instructor", "أستاذة"),
  ]);
  const a = await openAs(browser, author, baseURL!);
  const s = await openAs(browser, student, baseURL!);
  const t = await openAs(browser, instructor, baseURL!);
  const anonymous = await openAs(browser, null, baseURL!);
  const id = uid();
  const secret = `ملاحظة خاصة ${id}`;
  const staff = `للأساتذة فقط ${id}`;
  const marker = `للجميع ${id}`;

  await annotatePhrase(a.page, "اغتيال", secret, { visibility: "private", paragraph: 1 });
  await annotatePhrase(a.page, "رنغل", staff, { visibility: "instructors", paragraph: 4 });
  // Posted last: once it has arrived, the two before it would have too, had they leaked.
  await annotatePhrase(a.page, "الكواليس", marker, { paragraph: 7 });
  await expect(threadWith(a.page, secret)).toBeVisible();
  await expect(threadWith(a.page, staff)).toBeVisible();

  const check = async (page: typeof a.page, sees: { staff: boolean }) => {
    await expect(threadWith(page, marker)).toBeVisible({ timeout: 5_000 });
    await expect(threadWith(page, secret)).toHaveCount(0);
    await expect(threadWith(page, staff)).toHaveCount(sees.staff ? 1 : 0);
    const painted = await highlightedStrings(page);
    expect(painted).not.toContain("اغتيال");
    expect(painted.includes("رنغل")).toBe(sees.staff);
  };
  // Live, then from the list after a reload.
  await check(s.page, { staff: false });
  await check(t.page, { staff: true });
  await check(anonymous.page, { staff: false });
  for (const viewer of [s, t, anonymous]) await viewer.page.reload();
  await check(s.page, { staff: false });
  await check(t.page, { staff: true });
  await check(anonymous.page, { staff: false });
  await t.page.screenshot({ path: shot("annotate-instructor-view.png") });

  for (const viewer of [a, s, t, anonymous]) await viewer.context.close();
});

test("search is Arabic-aware and its hits are highlighted exactly, also for anonymous readers", async ({
  browser,
  baseURL,
}) => {
  const { context, page } = await openAs(browser, null, baseURL!);
  // With a tatweel the text does not have: the search folds it away.
  await page.getByRole("searchbox").fill("تروتـسكي");
  await page.getByRole("button", { name: "ابحث", exact: true }).click();
  await expect(page.locator(".search-summary")).toContainText("في النص");
  const hits = await page.evaluate(() => {
    const registry = CSS.highlights as unknown as Map<string, Set<Range>>;
    return [...(registry.get("hashiya-search") ?? [])].map((range) => range.toString());
  });
  expect(hits.length).toBeGreaterThanOrEqual(5);
  for (const hit of hits) expect(hit).toBe("تروتسكي");
  await page.screenshot({ path: shot("annotate-search.png") });

  // The panel sits on the interface's inline-end side: left of the text in Arabic, right of
  // it in English (the Arabic text keeps its own direction in both).
  const sides = async () => {
    const text = await page.getByTestId("reader").boundingBox();
    const panel = await page.getByTestId("thread-panel").boundingBox();
    return { text: text!, panel: panel! };
  };
  let { text, panel } = await sides();
  expect(panel.x + panel.width).toBeLessThanOrEqual(text.x);
  await context.addCookies([{ name: "locale", value: "en", url: baseURL! }]);
  await page.reload();
  await expect(page.getByRole("heading", { name: /^Threads/ })).toBeVisible();
  ({ text, panel } = await sides());
  expect(panel.x).toBeGreaterThanOrEqual(text.x + text.width);
  await expect(page.getByTestId("reader")).toHaveCSS("direction", "rtl");
  await page.screenshot({ path: shot("annotate-en.png") });
  await context.close();
});

test("a reader whose live stream is cut catches up when it reconnects, each event once", async ({
  browser,
  baseURL,
}) => {
  const [writer, reader] = await Promise.all([
    createMember("student", "مرسل"),
    createMember("student", "منقطع"),
  ]);
  const w = await openAs(browser, writer, baseURL!);
  const r = await openAs(browser, reader, baseURL!, { trackEventSources: true });
  const id = uid();
  const liveUrl = "**/api/live/live.onTextEvent**";
  const reopened: string[] = [];

  // One event arrives normally first: the stream's position is then past the page's snapshot.
  await annotatePhrase(w.page, "بتروغراد", `قبل الانقطاع ${id}`, { paragraph: 0 });
  await expect(threadWith(r.page, `قبل الانقطاع ${id}`)).toBeVisible();
  const seen = await lastEventIdInDb();

  // Cut the stream as a dropped connection would (the server unreachable meanwhile).
  await r.page.route(liveUrl, (route) => route.abort("connectionfailed"));
  await r.page.evaluate(() => {
    for (const source of (window as unknown as { __eventSources: EventSource[] }).__eventSources) {
      source.close();
      source.dispatchEvent(new Event("error"));
    }
  });
  await expect(r.page.locator(".live-status")).not.toHaveAttribute("data-status", "live");

  await annotatePhrase(w.page, "سفاردلوف", `أثناء الانقطاع ${id}`, { paragraph: 0 });
  const onW = threadWith(w.page, `أثناء الانقطاع ${id}`);
  await onW.getByRole("button", { name: "ردّ", exact: true }).click();
  await w.page.getByTestId("reply-composer-input").click();
  await w.page.keyboard.type(`رد أثناء الانقطاع ${id}`);
  await w.page.getByTestId("reply-composer").getByRole("button", { name: "أرسل الرد" }).click();
  await expect(onW.locator(".reply")).toHaveCount(1);
  await expect(threadWith(r.page, `أثناء الانقطاع ${id}`)).toHaveCount(0);

  // Back: the stream reopens from the last event it had; both events arrive, once each.
  r.page.on("request", (request) => {
    if (request.url().includes("live.onTextEvent")) reopened.push(decodeURIComponent(request.url()));
  });
  await r.page.unroute(liveUrl);
  const caughtUp = threadWith(r.page, `أثناء الانقطاع ${id}`);
  await expect(caughtUp).toBeVisible({ timeout: 20_000 });
  await expect(r.page.locator(".live-status")).toHaveAttribute("data-status", "live");
  await expect(caughtUp).toHaveCount(1);
  await expect(caughtUp.locator(".reply")).toHaveCount(1);
  await expect(caughtUp.locator(".reply")).toContainText(`رد أثناء الانقطاع ${id}`);
  // Resumed after the last event it had received, not from the snapshot.
  expect(reopened.some((url) => url.includes(`"lastEventId":"${seen}"`))).toBe(true);

  await w.context.close();
  await r.context.close();
});

test("the counter warns near the limit; an over-long comment is refused with the server's sentence", async ({
  browser,
  baseURL,
}) => {
  const person = await createMember("student", "مطوّل");
  const { context, page } = await openAs(browser, person, baseURL!);
  await selectPhrase(page, "هزيمة", { paragraph: 4 });
  await page.getByRole("button", { name: "علّق" }).click();
  const composer = page.getByTestId("thread-composer");
  await composer.getByTestId("thread-composer-input").click();
  await page.keyboard.insertText("ت".repeat(9_500));
  await expect(composer.locator(".composer-counter")).toContainText("من");
  await page.keyboard.insertText("ت".repeat(501));
  await expect(composer.locator(".composer-counter")).toHaveAttribute("data-over", "true");
  await composer.getByRole("button", { name: "انشر" }).click();
  await expect(composer.getByRole("alert")).toHaveText(errorMessages["comment.too_long"].ar);
  await page.screenshot({ path: shot("annotate-too-long.png") });
  await context.close();
});
