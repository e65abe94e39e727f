import "server-only";
import type { Locale } from "@/i18n-config";
import { getT } from "@/app/i18n/server";

export async function SiteFooter({ lng }: { lng: Locale }) {
  const t = await getT(lng, "common");
  return (
    <footer className="site-footer">
      <p>{t("footer")}</p>
    </footer>
  );
}
