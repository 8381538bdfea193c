import { errorMessages } from "@hashiya/api/errors";
import { expect, newAccount, signIn, signUp, test } from "./fixtures";

test("a wrong password and an unknown email both show the same sentence", async ({ page }) => {
  const sentence = errorMessages["auth.wrong_password"].ar;

  await signIn(page, "instructor@hashiya.test", "not the password at all");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(sentence);
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByLabel("البريد الإلكتروني")).toHaveValue("instructor@hashiya.test");

  await signIn(page, "nobody-here@example.test", "not the password at all");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(sentence);
});

test("signing up with a taken email says so, in the interface language", async ({
  page,
  context,
  baseURL,
}) => {
  await signUp(page, { ...newAccount("taken"), email: "Student1@hashiya.test" });
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    errorMessages["auth.email_taken"].ar,
  );
  await expect(page.getByLabel("البريد الإلكتروني")).toHaveAttribute("aria-invalid", "true");

  // The same error in the English interface.
  await context.addCookies([{ name: "locale", value: "en", url: baseURL ?? "" }]);
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Taken Again");
  await page.getByLabel("Email").fill("student1@hashiya.test");
  await page.getByLabel("Password").fill("a perfectly fine passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    errorMessages["auth.email_taken"].en,
  );
});

test("a weak password is refused with the reason", async ({ page }) => {
  await signUp(page, { ...newAccount("weak"), password: "short" });
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    errorMessages["auth.weak_password.too_short"].ar,
  );
  await expect(page).toHaveURL(/\/sign-up$/);
});
