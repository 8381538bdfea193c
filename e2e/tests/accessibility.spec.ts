// Every page of the app, in Arabic and in English, signed in as the roles it is for, passes
// axe with no serious or critical violation — on load and in the states people put it in
// (an error shown, a composer open, a table unfolded). The route list is checked against the
// app's folders, so a new page fails here until it is added.
import type { Page } from "@playwright/test";
import { selectPhrase } from "./annotate-helpers";
import {
  appPageRoutes,
  blockingViolations,
  createInvite,
  type Locale,
  openAs,
  personFor,
  type Who,
} from "./a11y-helpers";
import { flag, postAnnotation, react, reply } from "./dashboard-helpers";
import { expect, test } from "./fixtures";

const TEXT = "/texts/demo-text";
const COURSE = "/courses/demo-course";

interface State {
  name: string;
  /** Puts the page in the state to check. */
  enter: (page: Page, locale: Locale) => Promise<void>;
  /** Only for these visitors (default: all the page's visitors). */
  as?: Who[];
}

interface PageCheck {
  /** The route as the app's folders name it. */
  route: string;
  /** The URL that opens it (a function for one made by `beforeAll`). */
  path: string | (() => string);
  /**
   * The visitors it is checked for, signed in with their role: those it is meant for, and one
   * it refuses where the refusal is a page of its own. Roles that see the same page as another
   * listed one (a moderator's dashboard is an instructor's) are left out to keep the run short.
   */
  as: Who[];
  /** What shows once the page is up (data fetched in the browser included). */
  ready: (page: Page) => Promise<void>;
  states?: State[];
}

const heading = (page: Page) => expect(page.getByRole("heading", { level: 1 })).toBeVisible();
const say = (locale: Locale, ar: string, en: string) => (locale === "ar" ? ar : en);

/** Made in beforeAll: an invite link to the demo course. */
let inviteToken = "";

const PAGES: PageCheck[] = [
  {
    route: "/",
    path: "/",
    as: ["anonymous", "instructor"],
    ready: heading,
    states: [
      {
        name: "the sentence after leaving a course",
        as: ["instructor"],
        enter: async (page) => {
          await page.goto("/?status=left-course");
          await expect(page.getByTestId("home-status")).toBeVisible();
        },
      },
    ],
  },
  {
    route: "/sign-in",
    path: "/sign-in",
    as: ["anonymous"],
    ready: heading,
    states: [
      {
        name: "a refused sign-in",
        enter: async (page, locale) => {
          await page
            .getByLabel(say(locale, "البريد الإلكتروني", "Email"))
            .fill("nobody@example.test");
          await page
            .getByLabel(say(locale, "كلمة المرور", "Password"))
            .fill("not the password at all");
          await page.getByRole("button", { name: say(locale, "ادخل", "Sign in") }).click();
          await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
        },
      },
    ],
  },
  {
    route: "/sign-up",
    path: "/sign-up",
    as: ["anonymous"],
    ready: heading,
    states: [
      {
        name: "a refused password",
        enter: async (page, locale) => {
          await page.getByLabel(say(locale, "الاسم", "Name")).fill("سلمى");
          await page
            .getByLabel(say(locale, "البريد الإلكتروني", "Email"))
            .fill("a11y-weak@example.test");
          await page.getByLabel(say(locale, "كلمة المرور", "Password")).fill("short");
          await page
            .getByRole("button", { name: say(locale, "أنشئ الحساب", "Create account") })
            .click();
          await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
        },
      },
    ],
  },
  {
    route: "/courses/[courseId]",
    path: COURSE,
    as: ["anonymous", "student", "instructor"],
    ready: heading,
    states: [
      {
        name: "the confirmation to leave the course",
        as: ["student"],
        enter: async (page, locale) => {
          await page
            .getByRole("button", { name: say(locale, "غادر هذا المقرر", "Leave this course") })
            .click();
          await expect(page.getByTestId("confirm-step")).toBeVisible();
        },
      },
    ],
  },
  {
    route: "/courses/[courseId]/manage",
    path: `${COURSE}/manage`,
    as: ["instructor", "student"],
    ready: heading,
    states: [
      {
        name: "a text's delete confirmation, with what it would delete",
        as: ["instructor"],
        enter: async (page, locale) => {
          await page
            .getByRole("button", { name: locale === "ar" ? /^احذف «/ : /^Delete “/ })
            .first()
            .click();
          await expect(page.getByTestId("delete-impact")).not.toHaveText(
            say(locale, "يُحسب ما سيُحذف…", "Counting what would be deleted…"),
          );
        },
      },
    ],
  },
  {
    route: "/courses/[courseId]/moderation",
    path: `${COURSE}/moderation`,
    as: ["moderator", "student"],
    ready: heading,
  },
  {
    route: "/join",
    path: "/join",
    as: ["anonymous", "outsider"],
    ready: heading,
  },
  {
    route: "/join/[token]",
    path: () => `/join/${inviteToken}`,
    as: ["anonymous", "outsider"],
    ready: heading,
    states: [
      {
        name: "a link that leads nowhere",
        as: ["anonymous"],
        enter: async (page) => {
          await page.goto("/join/no-such-invite");
          await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
        },
      },
    ],
  },
  {
    route: "/texts/[textId]",
    path: TEXT,
    as: ["anonymous", "student", "moderator"],
    ready: async (page) => {
      await heading(page);
      await expect(page.locator('[data-testid="reader"] p').first()).toBeVisible();
      await expect(page.getByTestId("thread").first()).toBeVisible();
    },
    states: [
      {
        name: "the composer open on a passage",
        as: ["student"],
        enter: async (page, locale) => {
          await selectPhrase(page, "الحرب الاهلية");
          await page.getByRole("button", { name: say(locale, "علّق", "Annotate") }).click();
          await expect(page.getByTestId("thread-composer")).toBeVisible();
        },
      },
    ],
  },
  {
    route: "/texts/[textId]/dashboard",
    path: `${TEXT}/dashboard`,
    as: ["instructor", "student"],
    ready: heading,
    states: [
      {
        name: "the heat map's table unfolded, sorted by words",
        as: ["instructor"],
        enter: async (page, locale) => {
          await page
            .getByText(say(locale, "اعرض المقاطع جدولًا", "Show the stretches as a table"))
            .click();
          await page
            .getByRole("columnheader", { name: say(locale, "الكلمات", "Words") })
            .getByRole("button")
            .click();
        },
      },
    ],
  },
  // Accounts, notifications and the admin screen (notify helper's pages).
  {
    route: "/account",
    path: "/account",
    as: ["student", "outsider"],
    ready: async (page) => {
      await heading(page);
      await expect(page.getByTestId("notification-preferences")).toBeVisible();
    },
    states: [
      {
        name: "a refused password change",
        as: ["student"],
        enter: async (page, locale) => {
          await page
            .getByLabel(say(locale, "كلمة المرور الحالية", "Current password"))
            .fill("not mine at all");
          await page.getByLabel(say(locale, "كلمة المرور الجديدة", "New password")).fill("short");
          await page
            .getByRole("button", { name: say(locale, "تغيير كلمة المرور", "Change password") })
            .click();
          await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
        },
      },
      {
        name: "a new API token, shown once, in the list",
        as: ["student"],
        enter: async (page, locale) => {
          await page.getByLabel(say(locale, "اسم الرمز", "Token name")).fill("a11y");
          await page
            .getByRole("button", { name: say(locale, "أنشئ رمزًا", "Create token") })
            .click();
          await expect(page.getByTestId("new-api-token")).toBeVisible();
          await expect(page.getByTestId("api-tokens")).toBeVisible();
        },
      },
    ],
  },
  {
    route: "/notifications",
    path: "/notifications",
    as: ["student"],
    // The moderator's reply in beforeAll is one of the student's notifications.
    ready: async (page) => {
      await heading(page);
      await expect(page.getByTestId("notification-list").locator("li").first()).toBeVisible();
    },
  },
  {
    route: "/admin",
    path: "/admin",
    as: ["admin"],
    ready: async (page) => {
      await heading(page);
      await expect(page.getByTestId("admin-users")).toBeVisible();
      await expect(page.getByTestId("admin-courses")).toBeVisible();
    },
  },
  {
    route: "/forgot-password",
    path: "/forgot-password",
    as: ["anonymous"],
    ready: heading,
    states: [
      {
        name: "the link asked for",
        enter: async (page, locale) => {
          await page
            .getByLabel(say(locale, "البريد الإلكتروني", "Email"))
            .fill("a11y-nobody@example.test");
          await page
            .getByRole("button", { name: say(locale, "أرسل الرابط", "Send the link") })
            .click();
          await expect(page.getByRole("main").getByRole("status")).toBeVisible();
        },
      },
    ],
  },
  {
    route: "/reset-password",
    path: `/reset-password?token=${"A".repeat(43)}`,
    as: ["anonymous"],
    ready: heading,
    states: [
      {
        name: "a link that is not valid",
        enter: async (page, locale) => {
          await page
            .getByLabel(say(locale, "كلمة المرور الجديدة", "New password"))
            .fill("a long enough password 9");
          await page
            .getByRole("button", {
              name: say(locale, "اعتمد كلمة المرور الجديدة", "Set the new password"),
            })
            .click();
          await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
        },
      },
      {
        name: "a link without its token",
        enter: async (page) => {
          await page.goto("/reset-password");
          await heading(page);
        },
      },
    ],
  },
];

/** Pages that no route folder names: Next's not-found page. */
const NOT_FOUND: PageCheck = {
  route: "(not found)",
  path: "/texts/no-such-text",
  as: ["anonymous"],
  ready: heading,
};

test("every page route of the app is checked here", () => {
  const checked = new Set(PAGES.map((check) => check.route));
  const missing = appPageRoutes().filter((route) => !checked.has(route));
  expect(missing, "Add these pages to PAGES in accessibility.spec.ts").toEqual([]);
});

test.beforeAll(async ({ browser }) => {
  // Something on every part of the pages: a thread (a student's question, with a moderator
  // confused by it and reporting it), so the reader, the dashboard's heat map and confusion
  // report, and the moderation queue all have content.
  const baseURL = process.env.E2E_BASE_URL ?? "";
  const student = await personFor(browser, baseURL, "student");
  const moderator = await personFor(browser, baseURL, "moderator");
  const as = async (state: typeof student.state) => {
    const context = await browser.newContext({ baseURL, storageState: state });
    return context;
  };
  const instructor = await personFor(browser, baseURL, "instructor");
  inviteToken = await createInvite(instructor.person!.id);
  const s = await as(student.state);
  const m = await as(moderator.state);
  const id = await postAnnotation(s.request, "بالبلاشفة", "من هم البلاشفة؟", {
    isQuestion: true,
  });
  await react(m.request, id, "confused");
  // …a report in the moderation queue, and a reply: a notification for the student.
  await flag(m.request, id, "يحتاج إلى مراجعة");
  await reply(m.request, id, "البلاشفة هم جناح لينين في الحزب.");
  await Promise.all([s.close(), m.close()]);
});

for (const check of [...PAGES, NOT_FOUND]) {
  for (const who of check.as) {
    for (const locale of ["ar", "en"] as const) {
      test(`${check.route} as ${who}, in ${locale}`, async ({ browser, baseURL }) => {
        const { context, page } = await openAs(browser, baseURL!, who, locale);
        await page.goto(typeof check.path === "string" ? check.path : check.path());
        await check.ready(page);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
        expect(await blockingViolations(page), "on load").toEqual([]);
        for (const state of check.states ?? []) {
          if (state.as && !state.as.includes(who)) continue;
          await state.enter(page, locale);
          expect(await blockingViolations(page), state.name).toEqual([]);
        }
        await context.close();
      });
    }
  }
}
