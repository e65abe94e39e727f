import "server-only";
import Link from "next/link";
import type { Locale } from "@/i18n-config";
import { getT } from "@/app/i18n/server";

export interface SiteHeaderProps {
  lng: Locale;
  /** The current page's path after the language, e.g. "/read/ai-talent-race", so switching keeps the page. */
  path: string;
}

/**
 * Links here do not prefetch: on a phone, fetching and compiling other pages'
 * code while this one loads costs more than the instant navigation gains.
 */
export async function SiteHeader({ lng, path }: SiteHeaderProps) {
  const t = await getT(lng, "common");
  const other: Locale = lng === "en" ? "fr" : "en";
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link
          prefetch={false}
          href={`/${lng}`}
          className="brand"
          aria-label={`${t("appName")} — ${t("nav.home")}`}
        >
          <span aria-hidden="true" className="brand__mark">
            G
          </span>
          <span className="brand__name">{t("appName")}</span>
        </Link>
        <nav aria-label={t("nav.primary")} className="site-nav">
          <Link prefetch={false} href={`/${lng}/words`} className="site-nav__link">
            {t("nav.words")}
          </Link>
          <Link prefetch={false} href={`/${lng}/teach`} className="site-nav__link">
            {t("nav.teach")}
          </Link>
          <a
            href={`/${other}${path}`}
            hrefLang={other}
            lang={other}
            className="site-nav__link language-switch"
            title={t("language.switchTo")}
          >
            <span aria-hidden="true">{other.toUpperCase()}</span>
            <span className="visually-hidden">{t("language.switchTo")}</span>
          </a>
        </nav>
      </div>
    </header>
  );
}
