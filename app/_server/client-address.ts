import "server-only";
import http from "node:http";
import https from "node:https";

/**
 * Who is asking, for the rate limiter. The address is the TCP peer's, unless
 * configuration says a proxy in front of Glose is trusted; only then is the
 * proxy's X-Forwarded-For read, and only as many hops as there are proxies.
 * A client can write any X-Forwarded-For it likes, so trusting it by default
 * would let anyone dodge a limit by sending a new one with each request.
 */

/**
 * Route handlers see a Web `Request`, which has no socket: Next keeps the
 * peer's address only in X-Forwarded-For, and only when the client did not
 * send one itself. So the server stamps the peer's address on every request
 * in a header of its own, overwriting whatever a client put there.
 */
export const PEER_HEADER = "x-glose-peer";

const STAMPED = Symbol.for("glose.peer-stamp");

type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;

/** Called once at start-up (instrumentation.ts), before the first request. */
export function installPeerStamp(): void {
  for (const Server of [http.Server, https.Server]) {
    const prototype = Server.prototype as unknown as { emit: Emit; [STAMPED]?: true };
    if (prototype[STAMPED]) continue;
    const emit = prototype.emit;
    prototype.emit = function stampPeer(event, ...args) {
      const request = args[0];
      if (event === "request" && request instanceof http.IncomingMessage) {
        request.headers[PEER_HEADER] = request.socket.remoteAddress ?? "";
      }
      return emit.call(this, event, ...args);
    };
    prototype[STAMPED] = true;
  }
}

/** `TRUST_PROXY`: how many proxies stand in front of Glose (0, the default, for none). */
export function trustedProxyHops(value = process.env.TRUST_PROXY): number {
  const text = value?.trim().toLowerCase() ?? "";
  if (text === "" || text === "false") return 0;
  if (text === "true") return 1;
  const hops = Number(text);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
    throw new Error(`TRUST_PROXY must be false, true or a number of proxies from 0 to 10, not "${value}".`);
  }
  return hops;
}

/**
 * The key a client is counted under. IPv4 as it is; IPv4-mapped IPv6 as the
 * IPv4 it maps; other IPv6 by its /64, since one home or phone is given a
 * whole /64 and could otherwise take a new address for every request.
 */
export function addressKey(address: string): string {
  const text = address
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (mapped?.[1]) return mapped[1];
  if (!text.includes(":")) return text || "unknown";
  const [head = "", tail = ""] = text.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const missing = text.includes("::") ? 8 - headGroups.length - tailGroups.length : 0;
  const groups = [...headGroups, ...Array<string>(Math.max(0, missing)).fill("0"), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** The client's address as this server may trust it: the peer, or what the trusted proxies say. */
export function clientAddress(request: Request, hops = trustedProxyHops()): string {
  const peer = request.headers.get(PEER_HEADER) ?? "";
  if (hops === 0) return addressKey(peer);
  // Each proxy appends the address it got the request from: read from the right,
  // past our own proxies, and no further (what lies beyond is the client's to write).
  const chain = [
    ...(request.headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
    peer,
  ];
  return addressKey(chain[Math.max(0, chain.length - 1 - hops)] ?? peer);
}
