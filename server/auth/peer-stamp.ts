// Makes the TCP peer's address visible to App Router route handlers, which under `next start` see only
// headers: Next.js fills X-Forwarded-For from the socket only when the client sent none, so that header
// is whatever the client wants. Installed once from instrumentation.ts, this stamps every incoming
// request's own header with the socket's remoteAddress, overwriting anything the client sent, and signs
// it with a per-process nonce so that an unstamped (client-written) value is never believed.
import { randomBytes } from "node:crypto";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";

export const PEER_HEADER = "x-kernelbook-peer";
const NONCE = Symbol.for("kernelbook.peer-stamp.nonce");
type Holder = { [NONCE]?: string };

export function installPeerStamp(): void {
  const holder = globalThis as Holder;
  if (holder[NONCE]) return;
  const nonce = randomBytes(16).toString("hex");
  holder[NONCE] = nonce;
  for (const proto of [http.Server.prototype, https.Server.prototype]) {
    const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
    proto.emit = function stampedEmit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
      if (event === "request") stamp(args[0] as IncomingMessage, nonce);
      return emit.call(this, event, ...args);
    } as typeof proto.emit;
  }
}

function stamp(req: IncomingMessage, nonce: string): void {
  const address = req.socket?.remoteAddress;
  if (address) req.headers[PEER_HEADER] = `${nonce} ${address}`;
  else delete req.headers[PEER_HEADER];
}

/** The peer address from the stamped header, or null when this process did not write it. */
export function stampedPeer(value: string | null | undefined): string | null {
  const nonce = (globalThis as Holder)[NONCE];
  if (!nonce || !value) return null;
  const [given, address] = value.split(" ");
  return given === nonce && address ? address : null;
}
