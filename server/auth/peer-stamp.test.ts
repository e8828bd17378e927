// The peer stamp over a real loopback socket: the handler sees the socket's address, whatever the
// client wrote in X-Forwarded-For or in the stamp header itself.
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { PEER_HEADER, installPeerStamp, stampedPeer } from "./peer-stamp";

describe("installPeerStamp", () => {
  it("stamps each request with its socket's address, overwriting a forged stamp", async () => {
    installPeerStamp();
    const seen: (string | null)[] = [];
    const server = http.createServer((req, res) => {
      seen.push(stampedPeer(req.headers[PEER_HEADER] as string | undefined));
      res.end();
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as AddressInfo;
    try {
      const attempts: Record<string, string>[] = [{}, { "x-forwarded-for": "203.0.113.9" }, { [PEER_HEADER]: "0123 203.0.113.9" }];
      for (const headers of attempts) {
        const res = await fetch(`http://127.0.0.1:${port}/`, { headers });
        expect(res.status).toBe(200);
      }
    } finally {
      server.close();
    }
    expect(seen).toEqual(["127.0.0.1", "127.0.0.1", "127.0.0.1"]);
  });
});
