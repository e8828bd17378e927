// The client address for throttling and audit (issue #13 item 5): the socket's peer, stamped by the
// server itself; X-Forwarded-For only when that peer is a configured trusted proxy, then the right-most
// entry that is not a trusted proxy.
import { describe, expect, it } from "vitest";
import { PEER_HEADER, installPeerStamp, stampedPeer } from "./peer-stamp";
import { clientAddressFrom, isProxyEntry, trustedProxyList } from "./client-address";

const none = trustedProxyList([]);
const proxies = trustedProxyList(["10.0.0.0/8", "192.0.2.10", "fd00::/8"]);

describe("clientAddressFrom", () => {
  it("ignores X-Forwarded-For when no proxy is trusted: rotating it changes nothing", () => {
    for (const xff of ["203.0.113.1", "203.0.113.2, 198.51.100.9", null]) {
      expect(clientAddressFrom({ peer: "198.51.100.50", forwardedFor: xff, trusted: none })).toBe("198.51.100.50");
    }
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(clientAddressFrom({ peer: "198.51.100.50", forwardedFor: "203.0.113.1", trusted: proxies })).toBe("198.51.100.50");
  });

  it("behind trusted proxies takes the right-most entry that is not a trusted proxy; what the client wrote to the left is ignored", () => {
    expect(clientAddressFrom({ peer: "10.1.2.3", forwardedFor: "6.6.6.6, 203.0.113.7", trusted: proxies })).toBe("203.0.113.7");
    expect(clientAddressFrom({ peer: "10.1.2.3", forwardedFor: "6.6.6.6, 203.0.113.7, 192.0.2.10, 10.9.9.9", trusted: proxies })).toBe("203.0.113.7");
    // Only proxies in the chain: the left-most one is the best there is.
    expect(clientAddressFrom({ peer: "10.1.2.3", forwardedFor: "10.5.5.5", trusted: proxies })).toBe("10.5.5.5");
    expect(clientAddressFrom({ peer: "10.1.2.3", forwardedFor: null, trusted: proxies })).toBe("10.1.2.3");
  });

  it("reads IPv4-mapped IPv6 peers as IPv4, and matches IPv6 ranges", () => {
    expect(clientAddressFrom({ peer: "::ffff:198.51.100.50", forwardedFor: null, trusted: none })).toBe("198.51.100.50");
    expect(clientAddressFrom({ peer: "::ffff:10.0.0.1", forwardedFor: "2001:db8::1", trusted: proxies })).toBe("2001:db8::1");
    expect(clientAddressFrom({ peer: "fd00::1", forwardedFor: "203.0.113.8", trusted: proxies })).toBe("203.0.113.8");
  });

  it("has no address without a stamped peer (never guesses from headers a client can write)", () => {
    expect(clientAddressFrom({ peer: null, forwardedFor: "203.0.113.1", trusted: proxies })).toBeNull();
  });
});

describe("trusted proxy entries", () => {
  it("accepts addresses and CIDR ranges, refuses anything else", () => {
    expect(["10.0.0.1", "10.0.0.0/8", "::1", "fd00::/8"].every(isProxyEntry)).toBe(true);
    expect(["10.0.0.0/33", "proxy.local", "10.0.0", ""].some(isProxyEntry)).toBe(false);
  });
});

describe("the peer stamp", () => {
  it("is trusted only when this process wrote it: a client-written header is ignored", () => {
    expect(stampedPeer("198.51.100.50")).toBeNull();
    installPeerStamp();
    expect(stampedPeer("198.51.100.50")).toBeNull();
    expect(PEER_HEADER).toBe("x-kernelbook-peer");
  });
});
