// Highlights must not change how Arabic letters join (DESIGN.md decision 5). An annotation
// whose passage ends inside a word — between two dual-joining letters (س|ك in تروتسكي), where a
// broken join shows — is painted by the app; with the highlight's colour made transparent, the
// word must render as the same word with no highlight at all.
//
// "As" means: the glyph shapes (each pixel classed as ink or paper) are identical, and the raw
// pixels are identical too except for anti-aliasing in the (at most two) pixel columns where
// the highlight's clip edge falls. Chromium paints a highlighted stretch of a text run in a
// separate clipped pass, so the partly covered seam pixels blend a few levels differently
// (measured here: 1–4 pixels, at most 9/255) even though the run is shaped once and the letters
// stay joined. Wrapping the text in an element instead (a control on the same page) moves
// glyphs over many columns (≈40–90 pixels, ≈55/255), and a broken join changes hundreds.
import { mkdir, writeFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { createMember, openAs, selectPhrase, uid, writeAndPost } from "./annotate-helpers";
import { expect, test } from "./fixtures";

const screenshots = new URL("../../.test-results/screenshots/", import.meta.url);

// "تروتسكي": ت ر و ت س ك ي. The passage "ان تروتس" ends between س and ك, both dual-joining.
const WORD = "تروتسكي";
const PASSAGE = "ان تروتس";

/** Colours off for every reader highlight: only glyph shapes are compared, not colours. */
const TRANSPARENT = `
  ::highlight(hashiya-depth-1), ::highlight(hashiya-depth-2), ::highlight(hashiya-depth-3),
  ::highlight(hashiya-active), ::highlight(hashiya-pending), ::highlight(hashiya-search) {
    background-color: transparent !important;
    text-decoration: none !important;
  }`;

/** The box of the first occurrence of the word inside `scope`, padded, in page pixels. */
async function wordClip(page: Page, scope: string) {
  return page.evaluate(
    ({ scope, word }) => {
      const root = document.querySelector(scope)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(word);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + word.length);
        // Into the viewport first: the clip is in viewport coordinates.
        node.parentElement?.scrollIntoView({ block: "center" });
        const r = range.getBoundingClientRect();
        const pad = 4;
        return {
          x: Math.floor(r.left - pad),
          y: Math.floor(r.top - pad),
          width: Math.ceil(r.width + 2 * pad),
          height: Math.ceil(r.height + 2 * pad),
        };
      }
      throw new Error(`"${word}" not found in ${scope}`);
    },
    { scope, word: WORD },
  );
}

/** Where the edge after "تروتس" falls, as an x within a clip (screen pixels). */
async function seamIn(
  page: Page,
  clip: { x: number },
  scope = '[data-testid="reader"] .reader-text',
): Promise<number> {
  const x = await page.evaluate(
    ({ scope, word }) => {
      const root = document.querySelector(scope)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node as Text;
        const at = text.data.indexOf(word.slice(0, 5));
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(text, at + 5);
        range.setEnd(text, at + 5);
        return range.getBoundingClientRect().left;
      }
      // Wrapped: the edge is the end of the <span> holding the first five letters.
      const span = root.querySelector("span");
      return span ? span.getBoundingClientRect().left : Number.NaN;
    },
    { scope, word: WORD },
  );
  return x - clip.x;
}

interface Difference {
  /** Pixels whose colour differs at all. */
  pixels: number;
  /** Largest difference of one channel (0–255). */
  maxDelta: number;
  /** Pixels that are ink in one image and paper in the other: glyph shapes. */
  shape: number;
  /** The columns (x within the clip) where pixels differ. */
  columns: number[];
}

/** How two PNGs of the same size differ (decoded and compared in the browser). */
async function difference(page: Page, a: Buffer, b: Buffer): Promise<Difference> {
  return page.evaluate(
    async ({ a, b }) => {
      const decode = async (base64: string) => {
        const blob = await (await fetch(`data:image/png;base64,${base64}`)).blob();
        const bitmap = await createImageBitmap(blob);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext("2d")!;
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const [x, y] = await Promise.all([decode(a), decode(b)]);
      if (x.width !== y.width || x.height !== y.height) throw new Error("sizes differ");
      // Ink is darker than halfway between the paper (#fbf8f2) and the ink (#1d1b18).
      const ink = (d: Uint8ClampedArray, i: number) => d[i]! + d[i + 1]! + d[i + 2]! < 3 * 0x8c;
      const columns = new Set<number>();
      let pixels = 0;
      let maxDelta = 0;
      let shape = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        let delta = 0;
        for (let c = 0; c < 3; c++) delta = Math.max(delta, Math.abs(x.data[i + c]! - y.data[i + c]!));
        if (delta > 0) {
          pixels++;
          maxDelta = Math.max(maxDelta, delta);
          columns.add((i / 4) % x.width);
        }
        if (ink(x.data, i) !== ink(y.data, i)) shape++;
      }
      return { pixels, maxDelta, shape, columns: [...columns].sort((p, q) => p - q) };
    },
    { a: a.toString("base64"), b: b.toString("base64") },
  );
}

/**
 * The verdict described at the top: same glyph shapes, and any raw difference is seam
 * anti-aliasing — within a pixel of the highlight's edge, in at most two columns, faint.
 */
function sameGlyphs(diff: Difference, seam: number): boolean {
  return (
    diff.shape === 0 &&
    diff.columns.length <= 2 &&
    diff.columns.every((column) => Math.abs(column + 0.5 - seam) <= 1.5) &&
    diff.maxDelta <= 16
  );
}

test("an Arabic word with a highlight edge inside it keeps its joined glyphs, exactly as without the highlight", async ({
  browser,
  baseURL,
}) => {
  const person = await createMember("student", "حروف");
  const { context, page } = await openAs(browser, person, baseURL!);
  await mkdir(screenshots, { recursive: true });

  // The app paints the annotation's highlight (ending inside the word).
  await selectPhrase(page, PASSAGE, { paragraph: 0 });
  await page.getByRole("button", { name: "علّق" }).click();
  await writeAndPost(page, `حدّ التظليل داخل الكلمة ${uid()}`);
  await page.evaluate(() => document.getSelection()?.removeAllRanges());
  await page.evaluate(() => document.fonts.ready);

  // The highlight really has an edge inside the word: a range ending after "تروتس".
  const edgeInside = await page.evaluate(
    ({ word, passage }) => {
      const registry = CSS.highlights as unknown as Map<string, Set<Range>>;
      let found = false;
      for (const name of ["hashiya-depth-1", "hashiya-depth-2", "hashiya-depth-3", "hashiya-active"]) {
        registry.get(name)?.forEach((r) => {
          if (r.toString().endsWith(passage) && (r.endContainer as Text).data.startsWith(`ان ${word}`)) {
            found = true;
          }
        });
      }
      return found;
    },
    { word: WORD, passage: PASSAGE },
  );
  expect(edgeInside).toBe(true);

  await page.addStyleTag({ content: TRANSPARENT });
  const clip = await wordClip(page, '[data-testid="reader"] .reader-text');
  const options = { clip, animations: "disabled", caret: "hide" } as const;
  const withHighlight = await page.screenshot(options);

  // Every highlight off (the registry emptied), same page, same layout.
  await page.evaluate(() => (CSS.highlights as unknown as Map<string, unknown>).clear());
  const without = await page.screenshot(options);
  await writeFile(new URL("joining-with-highlight.png", screenshots), withHighlight);
  await writeFile(new URL("joining-without-highlight.png", screenshots), without);
  const seam = await seamIn(page, clip);
  const highlighted = await difference(page, withHighlight, without);
  console.log(`highlight edge inside ${WORD}: ${JSON.stringify(highlighted)}, edge at x=${seam}`);
  expect(highlighted.shape).toBe(0);
  expect(sameGlyphs(highlighted, seam)).toBe(true);

  // Control: the same word in the same style, once plain and once with its first five letters
  // wrapped in a <span> (what wrapping highlighters do), differs — so the check above would
  // fail if the app ever wrapped text.
  await page.evaluate((word) => {
    const probe = document.createElement("article");
    probe.className = "reader";
    probe.id = "joining-probe";
    probe.dir = "rtl";
    probe.lang = "ar";
    probe.innerHTML = `<p></p>`;
    probe.querySelector("p")!.textContent = `ان ${word} الذي`;
    document.querySelector(".text-column")!.prepend(probe);
  }, WORD);
  const probeClip = await wordClip(page, "#joining-probe");
  const plain = await page.screenshot({ ...options, clip: probeClip });
  await page.evaluate((word) => {
    const p = document.querySelector("#joining-probe p")!;
    const head = word.slice(0, 5);
    p.innerHTML = "";
    const span = document.createElement("span");
    span.style.fontFeatureSettings = '"kern" 0';
    span.style.letterSpacing = "0.5px";
    span.textContent = head;
    p.append("ان ", span, `${word.slice(5)} الذي`);
  }, WORD);
  const wrapped = await page.screenshot({ ...options, clip: probeClip });
  await writeFile(new URL("joining-probe-plain.png", screenshots), plain);
  await writeFile(new URL("joining-probe-wrapped.png", screenshots), wrapped);
  const wrapping = await difference(page, plain, wrapped);
  console.log(`wrapping part of ${WORD} in a <span>: ${JSON.stringify(wrapping)}`);
  expect(wrapping.pixels).toBeGreaterThan(0);
  // The wrap's edge is where the highlight's was (after five letters): the same verdict fails.
  expect(sameGlyphs(wrapping, await seamIn(page, probeClip, "#joining-probe"))).toBe(false);

  await context.close();
});
