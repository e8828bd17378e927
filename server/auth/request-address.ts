// The caller's address for this deployment: the client-address rule with TRUSTED_PROXIES from env.
import "server-only";
import type { BlockList } from "node:net";
import { env } from "@/server/env";
import { clientAddress, trustedProxyList } from "./client-address";

let trusted: BlockList | undefined;

export function requestAddress(headers: Headers | Record<string, unknown> | undefined): string | null {
  trusted ??= trustedProxyList(env.TRUSTED_PROXIES);
  return clientAddress(headers, trusted);
}
