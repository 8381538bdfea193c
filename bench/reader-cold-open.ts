/// <reference lib="dom" />
// P5: cold open of a 30,000-word Arabic text carrying 2,000 highlights (short mode: 3,000 words,
// 200 highlights) in headless Chromium, signed in as a course member, measured from the
// navigation's start (the page's timeOrigin) to (a) the reader's last paint of the threads'
// highlights covering all of them (the `hashiya:highlights-painted` mark) and (b) the floating
// Annotate button appearing for a word selected programmatically as soon as the text is there.
// P5_PROFILE=1 prints a CPU profile summary and the navigation timings of the warm-up open;
// P5_TRACE=FILE writes a Chromium trace of the first measured open (summarise it with
// `tsx trace-summary.ts FILE`).
import { bodyToPlainText, plainTextToBody } from "@hashiya/annotation-schema";
import { describeRange, prepareText } from "@hashiya/text-model";
import { chromium } from "@playwright/test";
import { arabicBook, seededRandom } from "./lib/arabic-book";
import { createFixture } from "./lib/fixture";
import { short } from "./lib/report";
import { startBenchStack } from "./lib/stack";
import { signIn } from "./lib/web-client";

const WORDS = short ? 3_000 : 30_000;
const HIGHLIGHTS = short ? 200 : 2_000;
const RUNS = 3;

const fixture = await createFixture({
  label: "bench_p5",
  paragraphs: arabicBook(WORDS),
  members: 3,
});
const { db } = fixture.database;

// Passages over whole words, spread over the whole text; every fifth one overlaps the one
// before it, so overlap layers and multi-thread passages are exercised too.
const text = await db.text.findUniqueOrThrow({ where: { id: fixture.textId } });
const prepared = prepareText(text.body);
const codePoints = [...text.body];
const wordStarts: number[] = [];
for (let i = 0; i < codePoints.length; i++) {
  if (/\S/u.test(codePoints[i]!) && (i === 0 || /\s/u.test(codePoints[i - 1]!))) wordStarts.push(i);
}
const wordEnd = (start: number) => {
  let end = start;
  while (end < codePoints.length && /\S/u.test(codePoints[end]!)) end++;
  return end;
};
const random = seededRandom(5);
const rows = [];
let previousWord = 0;
for (let k = 0; k < HIGHLIGHTS; k++) {
  const overlapping = k % 5 === 4;
  const first = overlapping
    ? previousWord + 1
    : Math.floor(((k + random()) / HIGHLIGHTS) * (wordStarts.length - 8));
  const length = 1 + Math.floor(random() * 6);
  const start = wordStarts[Math.min(first, wordStarts.length - 1)]!;
  const end = wordEnd(wordStarts[Math.min(first + length - 1, wordStarts.length - 1)]!);
  previousWord = first;
  const range = describeRange(prepared, { start, end }, { graphemes: "snap" });
  const body = plainTextToBody(`تعليق رقم ${k + 1} على هذا المقطع`);
  rows.push({
    textId: fixture.textId,
    authorId: fixture.members[k % fixture.members.length]!.id,
    textVersion: text.version,
    selectors: range.selectors as object[],
    quote: range.quote.exact,
    start: range.start,
    end: range.end,
    body,
    bodyText: bodyToPlainText(body),
    visibility: "course" as const,
  });
}
await db.annotation.createMany({ data: rows });

// The browser first: should it fail to start, no servers are left running.
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-gpu",
  ],
});
const stack = await startBenchStack(fixture.database.url);

// In the page once its HTML is parsed: keep one word of the text selected (again if its nodes
// are replaced: the reader once mounted an editor over them), and note when the Annotate
// button appears.
// A string, not a function: tsx would wrap a function's inner functions in a helper the page
// does not have.
const watchAnnotatable = `document.addEventListener("DOMContentLoaded", () => {
  const trySelect = () => {
    const block = document.querySelector(".reader .reader-text p, .reader .ProseMirror p");
    const node = block && block.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) return;
    const selection = document.getSelection();
    if (!selection || (selection.anchorNode === node && !selection.isCollapsed)) return;
    const start = node.data.indexOf(" ", 8) + 1;
    const end = node.data.indexOf(" ", start);
    if (start <= 0 || end <= start) return;
    selection.setBaseAndExtent(node, start, node, end);
  };
  const check = () => {
    if (window.__annotatableAt !== undefined) return;
    const button = document.querySelector(".annotate-button");
    if (button && button.getClientRects().length > 0) {
      window.__annotatableAt = performance.now();
      observer.disconnect();
      clearInterval(timer);
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document.body, { childList: true, subtree: true });
  const timer = setInterval(trySelect, 20);
  trySelect();
});`;

const member = fixture.members[0]!;
const cookieHeader = await signIn(stack.webUrl, member.email, member.password);
const cookies = cookieHeader.split("; ").map((pair) => {
  const [name, ...value] = pair.split("=");
  return { name: name!, value: value.join("="), url: stack.webUrl };
});

async function coldOpen(tracePath?: string): Promise<{ painted: number; annotatable: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addCookies(cookies);
    await context.addInitScript({ content: watchAnnotatable });
    const page = await context.newPage();
    if (tracePath) {
      await browser.startTracing(page, {
        path: tracePath,
        screenshots: false,
        categories: [
          "devtools.timeline",
          "disabled-by-default-devtools.timeline",
          "blink.user_timing",
          "loading",
          "v8.execute",
        ],
      });
    }
    const cdp = process.env.P5_PROFILE ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
      await cdp.send("Profiler.start");
    }
    await page.goto(`${stack.webUrl}/texts/${fixture.textId}`, { waitUntil: "commit" });
    const painted = await page.waitForFunction(
      (count) => {
        const marks = performance.getEntriesByName("hashiya:highlights-painted");
        const full = marks.find(
          (mark) => ((mark as PerformanceMark).detail?.threads ?? 0) >= count,
        );
        return full ? full.startTime : false;
      },
      HIGHLIGHTS,
      { timeout: 60_000, polling: 50 },
    );
    const annotatable = await page.waitForFunction(
      () => (window as unknown as { __annotatableAt?: number }).__annotatableAt ?? false,
      undefined,
      { timeout: 60_000, polling: 50 },
    );
    if (cdp) {
      const { profile } = await cdp.send("Profiler.stop");
      const self = new Map<string, number>();
      const dt = new Map<number, number>();
      profile.samples?.forEach((id, i) => {
        dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0));
      });
      for (const node of profile.nodes) {
        const f = node.callFrame;
        const key = `${f.functionName || "(anon)"} ${f.url.split("/").pop()}:${f.lineNumber}`;
        self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0) / 1000);
      }
      console.log(
        [...self]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 30)
          .map(([k, v]) => `${v.toFixed(0)} ms ${k}`)
          .join("\n"),
      );
      console.log(
        await page.evaluate(() =>
          JSON.stringify({
            nav: performance.getEntriesByType("navigation").map((e) => {
              const n = e as PerformanceNavigationTiming;
              return {
                resp: n.responseStart,
                respEnd: n.responseEnd,
                dcl: n.domContentLoadedEventEnd,
                load: n.loadEventEnd,
                size: n.transferSize,
              };
            }),
            marks: performance
              .getEntriesByName("hashiya:highlights-painted")
              .map((m) => [m.startTime, (m as PerformanceMark).detail]),
          }),
        ),
      );
    }
    if (tracePath) await browser.stopTracing();
    return {
      painted: (await painted.jsonValue()) as number,
      annotatable: (await annotatable.jsonValue()) as number,
    };
  } finally {
    await context.close();
  }
}

// --serve: keep the stack up for profiling by hand (curl, a browser) until SIGINT/SIGTERM.
if (process.argv.includes("--serve")) {
  console.log(
    JSON.stringify({
      url: `${stack.webUrl}/texts/${fixture.textId}`,
      cookie: cookieHeader,
      // To start another web server on the same data (e.g. under `node --cpu-prof`).
      databaseUrl: fixture.database.url,
      authSecret: stack.authSecret,
      collabPort: stack.collabPort,
    }),
  );
  await new Promise((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await browser.close();
  await stack.stop();
  await fixture.database.drop();
  process.exit(0);
}

try {
  // One unmeasured open first: the server's first render of the page, not the reader's.
  await coldOpen();
  if (process.env.P5_PROFILE) process.env.P5_PROFILE = "";
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    runs.push(await coldOpen(run === 0 ? process.env.P5_TRACE || undefined : undefined));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
  const f = (ms: number) => `${Math.round(ms)} ms`;
  console.log(
    `P5 cold open, ${WORDS.toLocaleString("en")} words, ${HIGHLIGHTS.toLocaleString("en")} highlights: ` +
      `painted at ${f(median(runs.map((r) => r.painted)))}, ` +
      `annotatable at ${f(median(runs.map((r) => r.annotatable)))} ` +
      `(median of ${RUNS}; runs: ${runs.map((r) => `${f(r.painted)} / ${f(r.annotatable)}`).join(", ")})`,
  );
} finally {
  await browser.close();
  await stack.stop();
  await fixture.database.drop();
}
