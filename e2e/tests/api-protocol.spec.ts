// The W3C Web Annotation Protocol on the running app: a token made on the account page (shown
// once) writes an annotation into the demo text's container, which the reader then shows;
// revoked on the same page, it is refused. The container's IRI ends in "/" as the protocol wants.
import { createMember, DEMO_TEXT_PATH, threadWith, uid } from "./annotate-helpers";
import { expect, signIn, test } from "./fixtures";

const ANNO = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

test("a personal API token creates an annotation through the protocol, until it is revoked", async ({
  page,
  request,
  baseURL,
}) => {
  const person = await createMember("student", "مبرمجة");
  await signIn(page, person.email, person.password);
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/account");
  await page.getByLabel("اسم الرمز").fill("برنامجي");
  await page.getByRole("button", { name: "أنشئ رمزًا" }).click();
  const token = await page.getByLabel("الرمز الجديد").inputValue();
  expect(token).toMatch(/^hsy_[\w-]{43}$/);

  const container = `${baseURL}${DEMO_TEXT_PATH}/annotations/`;
  const auth = { Authorization: `Bearer ${token}` };
  const listing = await request.get(container, { headers: auth, maxRedirects: 0 });
  expect(listing.status()).toBe(200);
  expect(listing.headers().link).toContain("http://www.w3.org/ns/ldp#BasicContainer");
  expect(listing.headers()["content-type"]).toBe(ANNO);

  const words = `عبر البروتوكول ${uid().slice(-5)}`;
  const created = await request.post(container, {
    headers: { ...auth, "Content-Type": ANNO },
    data: JSON.stringify({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "Annotation",
      body: { type: "TextualBody", value: words, format: "text/plain" },
      target: {
        source: `${baseURL}${DEMO_TEXT_PATH}`,
        selector: { type: "TextQuoteSelector", exact: "رنغل" },
      },
    }),
  });
  expect(created.status()).toBe(201);
  const location = created.headers().location ?? "";
  expect(location.startsWith(container)).toBe(true);
  const fetched = await request.get(location, { headers: auth });
  expect(fetched.status()).toBe(200);
  expect(fetched.headers().etag).toBeTruthy();

  // The reader shows it like any other thread.
  await page.goto(DEMO_TEXT_PATH);
  await expect(threadWith(page, words)).toBeVisible();

  await page.goto("/account");
  await page.getByRole("button", { name: "ألغِ «برنامجي»" }).click();
  await expect(page.getByText("أُلغي الرمز «برنامجي»")).toBeVisible();
  const refused = await request.get(container, { headers: auth });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toContain("Bearer");
});
