// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // better-sqlite3 is a native module: load it from node_modules at run time.
  serverExternalPackages: ["better-sqlite3"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          // Responses are what they say they are: no guessing HTML out of JSON or text.
          { key: "X-Content-Type-Options", value: "nosniff" },
          // The teacher's link carries the key in its query: never send it on to another site.
          { key: "Referrer-Policy", value: "no-referrer" },
          // No page of Glose may be framed (clickjacking); the header for old browsers, CSP for the rest.
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
          // Glose needs none of these; denying them limits what injected script could ask for.
          {
            key: "Permissions-Policy",
            value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
          },
        ],
      },
    ];
  },
  experimental: {
    // One 404 page for every unknown URL, whatever the language segment.
    globalNotFound: true,
    // The stylesheet is small: inlined, it no longer blocks the first paint on a slow network.
    inlineCss: true,
  },
};

module.exports = nextConfig;
