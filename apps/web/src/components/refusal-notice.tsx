import Link from "next/link";
import { getLocale } from "next-intl/server";
import { type AppErrorCode, errorSentence } from "~/i18n/errors";
import type { Locale } from "~/i18n/locale";

/** A page the API refused to fill: its title, the refusal's sentence, and the way back. */
export async function RefusalNotice({
  title,
  refusal,
  back,
}: {
  title: string;
  refusal: AppErrorCode;
  back: { href: string; label: string };
}) {
  const locale = (await getLocale()) as Locale;
  return (
    <>
      <h1>{title}</h1>
      <p className="form-error" role="alert">
        {errorSentence(refusal, locale)}
      </p>
      <p>
        <Link href={back.href}>{back.label}</Link>
      </p>
    </>
  );
}
