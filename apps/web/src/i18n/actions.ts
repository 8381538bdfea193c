"use server";

import { auth } from "@hashiya/auth";
import { cookies } from "next/headers";
import { api } from "~/trpc/server";
import { isLocale, LOCALE_COOKIE } from "./locale";

const ONE_YEAR = 60 * 60 * 24 * 365;

/** Switches the UI language: a cookie for this browser, and the account's choice when signed in. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: ONE_YEAR, sameSite: "lax" });
  if (await auth()) await (await api()).me.setLocale({ locale });
}
