import { auth } from "@hashiya/auth";
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale, type Locale, LOCALE_COOKIE } from "./locale";

/** The UI language: the cookie, else the signed-in user's saved choice, else Arabic. */
export async function resolveLocale(): Promise<Locale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  const fromUser = (await auth())?.user.locale;
  return isLocale(fromUser) ? fromUser : defaultLocale;
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  const messages = (await import(`../../messages/${locale}.json`)).default;
  return { locale, messages };
});
