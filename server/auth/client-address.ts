// The client address used for sign-in throttling and audit: the TCP peer (see peer-stamp.ts) unless that
// peer is one of the configured TRUSTED_PROXIES; then X-Forwarded-For is read from the right, skipping
// trusted proxies, and the first address that is not one is the client (what the client itself wrote
// further left is never believed).
import { BlockList, isIP } from "node:net";
import { PEER_HEADER, stampedPeer } from "./peer-stamp";

export function isProxyEntry(entry: string): boolean {
  const [address, bits, ...rest] = entry.trim().split("/");
  const family = isIP(address ?? "");
  if (!family || rest.length > 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n >= 0 && n <= (family === 4 ? 32 : 128);
}

export function trustedProxyList(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    if (!isProxyEntry(entry)) throw new Error(`Not an IP address or CIDR range: ${entry}`);
    const [address, bits] = entry.trim().split("/") as [string, string | undefined];
    const type = isIP(address) === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

/** "::ffff:1.2.3.4" is 1.2.3.4; anything that is not an address is null. */
function normalize(raw: string | null | undefined): string | null {
  const value = raw?.trim().replace(/^\[|\]$/g, "") ?? "";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value)?.[1];
  const address = mapped ?? value;
  return isIP(address) ? address : null;
}

function isTrusted(trusted: BlockList, address: string): boolean {
  return trusted.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

export function clientAddressFrom(args: { peer: string | null; forwardedFor: string | null; trusted: BlockList }): string | null {
  const peer = normalize(args.peer);
  if (!peer) return null;
  if (!isTrusted(args.trusted, peer)) return peer;
  let client = peer;
  const hops = (args.forwardedFor ?? "").split(",").map((h) => h.trim()).filter(Boolean).reverse();
  for (const hop of hops) {
    const address = normalize(hop);
    // A hop a trusted proxy would never write: stop at the last proxy we trust.
    if (!address) return client;
    client = address;
    if (!isTrusted(args.trusted, address)) return address;
  }
  return client;
}

type HeaderSource = Headers | Record<string, unknown> | undefined;

function headerOf(headers: HeaderSource, name: string): string | null {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  return typeof value === "string" ? value : Array.isArray(value) && typeof value[0] === "string" ? value[0] : null;
}

/** The caller's address from a request's headers (a Request's, or the plain object next-auth hands to authorize). */
export function clientAddress(headers: HeaderSource, trusted: BlockList): string | null {
  return clientAddressFrom({
    peer: stampedPeer(headerOf(headers, PEER_HEADER)), forwardedFor: headerOf(headers, "x-forwarded-for"), trusted,
  });
}
