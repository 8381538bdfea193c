import { mkdir, writeFile } from "node:fs/promises";
import { hashPassword } from "@hashiya/auth/password";
import { createDb } from "@hashiya/db";
import type { Browser, Locator, Page } from "@playwright/test";
import { expect, newAccount, signIn, test } from "./fixtures";

const screenshots = new URL("../../.test-results/screenshots/", import.meta.url);

interface Writer {
  id: string;
  name: string;
  page: Page;
  notes: Locator;
}

/**
 * A fresh course with one private Arabic text and two student members, straight in the
 * database, so each test starts from empty shared notes and its own people.
 */
async function courseWithTwoStudents(label: string) {
  const db = createDb(process.env.E2E_DATABASE_URL ?? "", { max: 1 });
  try {
    const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    const accounts = [
      { ...newAccount(`${label}-a`), name: "ليلى" },
      { ...newAccount(`${label}-b`), name: "Omar" },
    ];
    const course = await db.course.create({
      data: { id: `notes-course-${suffix}`, title: "ملاحظات · Notes" },
    });
    const paragraphs = ["نحو المستقبل", "قراءة مشتركة"];
    const text = await db.text.create({
      data: {
        id: `notes-text-${suffix}`,
        courseId: course.id,
        title: "نص للملاحظات",
        language: "ar",
        direction: "rtl",
        isPublic: false,
        body: paragraphs.join("\n"),
        blocks: paragraphs.map((text) => ({ type: "paragraph", text })),
      },
    });
    const users = [];
    for (const account of accounts) {
      const user = await db.user.create({
        data: {
          name: account.name,
          email: account.email,
          passwordHash: await hashPassword(account.password),
          locale: "ar",
        },
      });
      await db.membership.create({
        data: { courseId: course.id, userId: user.id, role: "student" },
      });
      users.push({ ...account, id: user.id });
    }
    return { textId: text.id, users };
  } finally {
    await db.$disconnect();
  }
}

/** Signs a user in, in their own browser context, and opens the text with its notes. */
async function openAsWriter(
  browser: Browser,
  baseURL: string,
  user: { id: string; name: string; email: string; password: string },
  textId: string,
): Promise<Writer> {
  const context = await browser.newContext({ baseURL, locale: "ar" });
  const page = await context.newPage();
  await signIn(page, user.email, user.password);
  await expect(page.getByRole("button", { name: "تسجيل الخروج" })).toBeVisible();
  await page.goto(`/texts/${textId}`);
  const notes = page.getByTestId("notes-editor");
  // Editable only once the server has let us write and the first sync is done.
  await expect(notes).toHaveAttribute("contenteditable", "true");
  await expect(page.getByTestId("notes-status")).toHaveAttribute("data-state", "saved");
  return { id: user.id, name: user.name, page, notes };
}

/**
 * The pixels where two same-sized PNG screenshots differ, with the largest channel difference
 * of each, compared in the browser's own PNG decoder (no image library needed here).
 */
async function pixelDifferences(page: Page, a: Buffer, b: Buffer) {
  return page.evaluate(
    async ({ first, second }) => {
      const pixels = async (base64: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext("2d")!;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height);
      };
      const [x, y] = [await pixels(first), await pixels(second)];
      if (x.width !== y.width || x.height !== y.height) return [{ x: -1, y: -1, delta: 255 }];
      const found: { x: number; y: number; delta: number }[] = [];
      for (let i = 0; i < x.data.length; i += 4) {
        let delta = 0;
        for (let c = 0; c < 4; c++)
          delta = Math.max(delta, Math.abs(x.data[i + c]! - y.data[i + c]!));
        if (delta > 0) found.push({ x: (i / 4) % x.width, y: Math.floor(i / 4 / x.width), delta });
      }
      return found;
    },
    { first: a.toString("base64"), second: b.toString("base64") },
  );
}

async function paragraphTexts(writer: Writer): Promise<string[]> {
  return writer.notes.locator("p").allTextContents();
}

test("two students co-write the shared notes at once: they converge, see each other's caret, and the notes survive a reload", async ({
  browser,
  baseURL,
}) => {
  const { textId, users } = await courseWithTwoStudents("notes");
  const [a, b] = await Promise.all(
    users.map((user) => openAsWriter(browser, baseURL!, user, textId)),
  );
  if (!a || !b) throw new Error("two writers expected");

  // Presence: each sees both readers, by the names the server gave them.
  for (const writer of [a, b]) {
    const bar = writer.page.getByTestId("presence-bar");
    await expect(bar.locator(`[data-user-id="${a.id}"]`)).toContainText(a.name);
    await expect(bar.locator(`[data-user-id="${b.id}"]`)).toContainText(b.name);
  }

  // Live selections over the text: what A selects in the reader, B sees painted in A's
  // colour (a CSS highlight over the reader's unchanged text nodes).
  await a.page.evaluate(() => {
    const text = document.querySelector('[data-testid="reader"] .reader-text p')!.firstChild!;
    const start = text.textContent!.indexOf("المستقبل");
    document.getSelection()!.setBaseAndExtent(text, start, text, start + "المستقبل".length);
  });
  await expect
    .poll(() =>
      b.page.evaluate((name) => {
        const registry = CSS.highlights as unknown as Map<string, Set<Range>>;
        return Array.from(registry.get(name) ?? [], (range) => range.toString());
      }, `hashiya-presence-${a.id}`),
    )
    .toEqual(["المستقبل"]);
  await a.page.evaluate(() => document.getSelection()!.removeAllRanges());

  // A makes two paragraphs; then each writer takes one and both type at the same time.
  await a.notes.click();
  await a.page.keyboard.press("Enter");
  await expect(b.notes.locator("p")).toHaveCount(2);
  await a.notes.locator("p").nth(0).click();
  await b.notes.locator("p").nth(1).click();

  const arabic = "نكتب معًا عن المستقبل، والكلمات تبقى موصولة.";
  const english = "We write together; 2 browsers, one document.";
  await Promise.all([
    a.page.keyboard.type(arabic, { delay: 15 }),
    b.page.keyboard.type(english, { delay: 15 }),
  ]);

  // Both editors hold exactly the two lines: nothing lost, nothing doubled.
  for (const writer of [a, b]) {
    await expect.poll(() => paragraphTexts(writer)).toEqual([arabic, english]);
  }
  // Arabic and English paragraphs each take their own direction.
  await expect(a.notes.locator("p").nth(0)).toHaveAttribute("dir", "auto");
  await expect(a.notes.locator("p").nth(0)).toHaveCSS("direction", "rtl");
  await expect(a.notes.locator("p").nth(1)).toHaveCSS("direction", "ltr");

  // Each sees the other's caret, labelled with the other's name (and only the other's).
  await expect(a.page.getByTestId("remote-caret")).toHaveCount(1);
  await expect(a.page.getByTestId("remote-caret")).toHaveText(b.name);
  await expect(a.page.getByTestId("remote-caret")).toBeVisible();
  await expect(b.page.getByTestId("remote-caret")).toHaveText(a.name);
  await expect(b.page.getByTestId("remote-caret")).toBeVisible();

  // "Saved" means the server acknowledged every change.
  for (const writer of [a, b]) {
    await expect(writer.page.getByTestId("notes-status")).toHaveAttribute("data-state", "saved");
  }
  await mkdir(screenshots, { recursive: true });
  await a.page.screenshot({ path: new URL("notes-writer-a.png", screenshots).pathname });
  await b.page.screenshot({ path: new URL("notes-writer-b.png", screenshots).pathname });

  // After a reload the notes come back from the server, still once each.
  for (const writer of [a, b]) {
    await writer.page.reload();
    await expect(writer.notes).toHaveAttribute("contenteditable", "true");
    await expect.poll(() => paragraphTexts(writer)).toEqual([arabic, english]);
  }

  await a.page.context().close();
  await b.page.context().close();
});

test("a remote selection edge inside an Arabic word in the notes leaves the word's letters joined", async ({
  browser,
  baseURL,
}) => {
  const { textId, users } = await courseWithTwoStudents("glyphs");
  const [a, b] = await Promise.all(
    users.map((user) => openAsWriter(browser, baseURL!, user, textId)),
  );
  if (!a || !b) throw new Error("two writers expected");

  // Three paragraphs: the word under test, a spacer, and the line where A's caret will sit
  // (far from the word, so the caret and its label never overlap it).
  const line = "نحو المستقبل القريب";
  await a.notes.click();
  await a.page.keyboard.type(line);
  await a.page.keyboard.press("Enter");
  await a.page.keyboard.type("...");
  await a.page.keyboard.press("Enter");
  await a.page.keyboard.type("and beyond");
  await expect.poll(() => paragraphTexts(b)).toEqual([line, "...", "and beyond"]);
  await expect(b.page.getByTestId("notes-status")).toHaveAttribute("data-state", "saved");

  // The word المستقبل and the edge between its م and س (two dual-joining letters).
  const word = "المستقبل";
  const wordStart = line.indexOf(word);
  const edge = wordStart + word.indexOf("س");
  const highlightName = `hashiya-notes-${a.id}`;

  // A's caret leaves B's view of the notes unfocused and clean; B's own caret is hidden.
  await b.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await a.notes.locator("p").nth(2).click();
  await expect(b.page.getByTestId("remote-caret")).toBeVisible();
  await b.page.evaluate(() => document.fonts.ready);

  // The first paragraph as B sees it, word and all (A's caret and label are two lines below).
  const firstParagraph = b.notes.locator("p").first();
  const shoot = () => firstParagraph.screenshot({ animations: "disabled", caret: "hide" });
  const plain = await shoot();

  // A selects from inside the word (between م and س) to the end of the last paragraph.
  await a.page.evaluate(
    ({ offset }) => {
      const paragraphs = document.querySelectorAll('[data-testid="notes-editor"] p');
      const from = paragraphs[0]!.firstChild!;
      const to = paragraphs[2]!.firstChild!;
      document.getSelection()!.setBaseAndExtent(from, offset, to, (to as Text).length);
    },
    { offset: edge },
  );

  // B paints it as a CSS highlight starting exactly at the edge inside the word…
  await expect
    .poll(() =>
      b.page.evaluate((name) => {
        // (This package's DOM typings lack the maplike parts of the highlight registry.)
        const registry = CSS.highlights as unknown as Map<string, Set<Range>>;
        const range = Array.from(registry.get(name) ?? [])[0];
        return range ? { offset: range.startOffset, text: range.startContainer.textContent } : null;
      }, highlightName),
    )
    .toEqual({ offset: edge, text: line });
  // …without touching the paragraph's DOM: still one bare text node.
  expect(
    await b.page.evaluate(() => {
      const paragraph = document.querySelector('[data-testid="notes-editor"] p')!;
      return Array.from(paragraph.childNodes, (node) => node.nodeName);
    }),
  ).toEqual(["#text"]);

  // The highlight really covers the word (its tint changes pixels)…
  const tinted = await shoot();
  expect(await pixelDifferences(b.page, plain, tinted)).not.toHaveLength(0);
  await mkdir(screenshots, { recursive: true });
  await b.page.screenshot({ path: new URL("notes-remote-selection.png", screenshots).pathname });

  // …and with its colour made transparent, the word's glyphs are the plain word's: the
  // letters on both sides of the edge keep their joined forms. Chromium paints the highlighted
  // part of a text run a second time, clipped at the edge, so when the edge falls between
  // device pixels the column it crosses can blend differently (at some font sizes the result
  // is exact; here one pixel differed by 1/255). Only that column may differ, and by at most a
  // quarter of the range (the worst case of blending a partly covered pixel twice). A joining
  // that broke would change whole letters: many columns on both sides of the edge.
  await b.page.addStyleTag({
    content: `::highlight(${highlightName}) { background-color: transparent !important; }`,
  });
  const transparent = await shoot();
  await writeFile(new URL("notes-glyph-plain.png", screenshots), plain);
  await writeFile(new URL("notes-glyph-tinted.png", screenshots), tinted);
  await writeFile(new URL("notes-glyph-transparent.png", screenshots), transparent);
  const edgeX = await b.page.evaluate((offset) => {
    const paragraph = document.querySelector('[data-testid="notes-editor"] p')!;
    const range = document.createRange();
    range.setStart(paragraph.firstChild!, offset);
    return range.getBoundingClientRect().left - Math.round(paragraph.getBoundingClientRect().left);
  }, edge);
  const differences = await pixelDifferences(b.page, plain, transparent);
  test.info().annotations.push({
    type: "glyph check",
    description: `edge at x=${edgeX.toFixed(2)}; ${differences.length} pixel(s) differ: ${JSON.stringify(differences)}`,
  });
  for (const difference of differences) {
    expect(Math.abs(difference.x + 0.5 - edgeX)).toBeLessThanOrEqual(1.5);
    expect(difference.delta).toBeLessThanOrEqual(64);
  }

  await a.page.context().close();
  await b.page.context().close();
});
