import type { Metadata } from "next";
import Link from "next/link";
import enCommon from "@/locales/en/common.json";
import frCommon from "@/locales/fr/common.json";
import "./globals.css";

export const metadata: Metadata = { title: `${enCommon.notFound.title} · ${frCommon.notFound.title}` };

/**
 * Unknown URLs have no language to trust (that is often why they are
 * unknown), so the page speaks both.
 */
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body>
        <main id="main" className="not-found">
          <h1>{enCommon.notFound.title}</h1>
          <p>{enCommon.notFound.body}</p>
          <p>
            <Link className="button button--primary" href="/en">
              {enCommon.notFound.back}
            </Link>
          </p>
          <div lang="fr">
            <h2>{frCommon.notFound.title}</h2>
            <p>{frCommon.notFound.body}</p>
            <p>
              <Link className="button" href="/fr">
                {frCommon.notFound.back}
              </Link>
            </p>
          </div>
        </main>
      </body>
    </html>
  );
}
