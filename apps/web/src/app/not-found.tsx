import { errorMessages } from "@hashiya/api/errors";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";

export default async function NotFound() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("errors")]);
  return (
    <>
      <h1>{t("notFoundTitle")}</h1>
      <p>{errorMessages.not_found[locale]}</p>
      <p>
        <Link href="/">{t("backHome")}</Link>
      </p>
    </>
  );
}
