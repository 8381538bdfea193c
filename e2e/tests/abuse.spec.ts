// Abuse control as a person and a script meet it on the real stack: failed sign-ins past their
// budget are refused with a sentence (form and Auth.js's own route alike), writes past theirs
// answer 429 with Retry-After, and an oversized request 413 — each sentence from the catalogue;
// the live route takes subscriptions only.
import { errorMessages } from "@hashiya/api/errors";
import { createMember, openAs, threadWith, uid } from "./annotate-helpers";
import { postAnnotation } from "./dashboard-helpers";
import { expect, newAccount, signIn, signUp, test } from "./fixtures";

test("failed sign-ins for one email stop being checked past the budget", async ({ page }) => {
  const email = newAccount("locked").email;
  for (let k = 0; k < 10; k++) {
    await signIn(page, email, `wrong password ${k}`);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      errorMessages["auth.wrong_password"].ar,
    );
  }
  await signIn(page, email, "wrong password 10");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    errorMessages["rate_limit.sign_in"].ar,
  );
});

test("Auth.js's own sign-in route counts failures the same way", async ({ page, baseURL }) => {
  const email = newAccount("scripted").email;
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as {
    csrfToken: string;
  };
  const post = (password: string) =>
    page.request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password },
      maxRedirects: 0,
    });
  for (let k = 0; k < 10; k++) {
    expect((await post(`wrong password ${k}`)).headers().location).toContain("error=");
  }
  const refused = await post("wrong password 10");
  expect(refused.status()).toBe(303);
  expect(refused.headers().location).toBe("/sign-in?code=rate_limited");
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  // Where the form without JavaScript lands: the sentence in the interface language.
  await page.goto(`${baseURL}/sign-in?code=rate_limited`);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    errorMessages["rate_limit.sign_in"].ar,
  );
});

test("writes past a user's budget answer 429 with Retry-After and the sentence", async ({
  page,
}) => {
  await signUp(page, newAccount("busy"));
  await expect(page).toHaveURL(/\/$/);
  const setLocale = () =>
    page.request.post("/api/trpc/me.setLocale", { data: { json: { locale: "ar" } } });
  let answer = await setLocale();
  let writes = 1;
  // The budget for such writes is 120 a minute; the loop is bounded well past it.
  while (answer.status() === 200 && writes < 200) {
    answer = await setLocale();
    writes++;
  }
  expect(answer.status()).toBe(429);
  expect(writes).toBe(121);
  expect(Number(answer.headers()["retry-after"])).toBeGreaterThan(0);
  const { error } = (await answer.json()) as {
    error: { json: { data: { appCode: string; messages: { ar: string; en: string } } } };
  };
  expect(error.json.data.appCode).toBe("rate_limit.writes");
  expect(error.json.data.messages).toEqual(errorMessages["rate_limit.writes"]);
});

test("a request body over the cap is refused with 413 before it is parsed", async ({ page }) => {
  const answer = await page.request.post("/api/trpc/auth.signUp", {
    headers: { "content-type": "application/json" },
    data: JSON.stringify({
      json: { name: "x".repeat(300 * 1024), email: "big@example.test", password: "x" },
    }),
  });
  expect(answer.status()).toBe(413);
  const { error } = (await answer.json()) as { error: { json: { data: { appCode: string } } } };
  expect(error.json.data.appCode).toBe("request.too_large");
});

test("a reaction past the budget says why on the page instead of failing silently", async ({
  browser,
  baseURL,
}) => {
  const person = await createMember("student", "متحمّس");
  const { context, page } = await openAs(browser, person, baseURL!);
  const comment = `تعليق للتأييد ${uid()}`;
  const annotationId = await postAnnotation(page.request, "تروتسكي", comment);
  const thread = threadWith(page, comment);
  await expect(thread).toBeVisible();
  // The minute's reactions (120), spent with the person's own session.
  for (let k = 0; k < 120; k++) {
    const answer = await page.request.post("/api/trpc/reaction.set", {
      data: {
        json: { target: { type: "annotation", id: annotationId }, kind: "upvote", on: k % 2 === 0 },
      },
    });
    expect(answer.status()).toBe(200);
  }
  await thread.getByRole("button", { name: /^تأييد/ }).click();
  const refusal = page
    .getByRole("alert")
    .filter({ hasText: errorMessages["rate_limit.writes"].ar });
  await expect(refusal).toBeVisible();
  await refusal.getByRole("button", { name: "إخفاء" }).click();
  await expect(refusal).toHaveCount(0);
  await context.close();
});

test("the live route serves subscriptions only: writes and reads go through /api/trpc", async ({
  request,
}) => {
  const write = await request.post("/api/live/annotation.create", { data: { json: {} } });
  expect(write.status()).toBe(404);
  const read = await request.get(`/api/live/text.byId?input=${encodeURIComponent("{}")}`);
  expect(read.status()).toBe(404);
  // A subscription it does serve, refused by tRPC as over /api/trpc (no such text).
  const input = encodeURIComponent(JSON.stringify({ json: { textId: "no-such-text" } }));
  const stream = await request.get(`/api/live/live.onTextEvent?input=${input}`);
  expect(stream.headers()["content-type"]).toContain("text/event-stream");
  expect(await stream.text()).toContain("NOT_FOUND");
});
