import { auth } from "@hashiya/auth";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { signOutAction } from "~/auth/actions";
import { setLocaleAction } from "~/i18n/actions";
import { NotificationBell } from "~/notifications/notification-bell";

export async function SiteHeader() {
  const [session, locale, t, tSite, tAccount, tAdmin] = await Promise.all([
    auth(),
    getLocale(),
    getTranslations("header"),
    getTranslations("site"),
    getTranslations("account"),
    getTranslations("admin"),
  ]);
  const other = locale === "ar" ? "en" : "ar";
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        {tSite("name")}
      </Link>
      <nav aria-label={tSite("mainNav")} className="site-nav">
        {session ? (
          <>
            <span className="who">
              {/* A name may be in either script: isolate it from the sentence around it. */}
              {t("signedInAs")} <bdi>{session.user.name ?? session.user.email}</bdi>
            </span>
            <NotificationBell />
            <Link href="/account">{tAccount("link")}</Link>
            {session.user.isAdmin ? <Link href="/admin">{tAdmin("link")}</Link> : null}
            <form action={signOutAction}>
              <button type="submit" className="button-quiet">
                {t("signOut")}
              </button>
            </form>
          </>
        ) : (
          <>
            <Link href="/sign-in">{t("signIn")}</Link>
            <Link href="/sign-up">{t("signUp")}</Link>
          </>
        )}
        <form action={setLocaleAction} className="language-switch">
          <input type="hidden" name="locale" value={other} />
          <button
            type="submit"
            className="button-quiet"
            lang={other}
            title={t("switchToLabel")}
            data-testid="language-switch"
          >
            {t("switchTo")}
          </button>
        </form>
      </nav>
    </header>
  );
}
