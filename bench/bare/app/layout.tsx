// The bare Next.js page `npm run bench` measures the app against: the same Next.js
// and React, a root layout and one paragraph, nothing else. The title is there so
// that the baseline is a valid document (Lighthouse's accessibility audit wants one).
import type { Metadata } from "next";
import type { ReactNode } from "react";

export const metadata: Metadata = { title: "Bare Next.js page" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
