// Test support for the provider's unit tests: a fetch that records each request and answers from a
// scripted list, and a check that a request's signature is the one the manager would compute.
import { expect } from "vitest";
import { signature } from "./signer";

/** The version unit tests pin, so their scripted replies need no `GET /` negotiation first. */
export const PINNED = "v8.20240915";

export const KEYPAIR = { accessKey: "AKIAIOSFODNN7EXAMPLE", secretKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };

export type Seen = { method: string; url: URL; headers: Headers; body: unknown };
/** A scripted answer: JSON `body`, or raw `bytes`; 4xx/5xx bodies go out as problem+json. */
export type Reply = { status: number; body?: unknown; bytes?: Uint8Array };

export function fakeFetch(replies: Reply[]) {
  const seen: Seen[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    const raw = init?.body;
    const body = typeof raw === "string" ? (JSON.parse(raw) as unknown) : raw;
    seen.push({ method: init?.method ?? "GET", url: new URL(String(input)), headers, body });
    const reply = replies.shift();
    if (!reply) throw new Error(`unexpected ${init?.method} ${String(input)}`);
    if (reply.bytes) return new Response(new Uint8Array(reply.bytes), { status: reply.status, headers: { "Content-Type": "application/octet-stream" } });
    const text = reply.body === undefined ? null : JSON.stringify(reply.body);
    const type = reply.status >= 400 ? "application/problem+json" : "application/json";
    return new Response(text, { status: reply.status, headers: { "Content-Type": type } });
  };
  return { fetch, seen };
}

/** Recomputes the signature the manager would, from what was actually sent (spec §2.4–2.5). */
export function expectSigned(request: Seen, options: { method?: string; contentType?: string } = {}): void {
  const date = request.headers.get("x-backendai-date") ?? "";
  const version = request.headers.get("x-backendai-version") ?? "";
  const method = options.method ?? request.method;
  const expected = signature(
    { method, pathWithQuery: request.url.pathname + request.url.search, date, host: request.url.host, contentType: options.contentType ?? "application/json", apiVersion: version },
    KEYPAIR.secretKey,
  );
  expect(request.headers.get("authorization")).toBe(`BackendAI signMethod=HMAC-SHA256, credential=${KEYPAIR.accessKey}:${expected}`);
}

export const problem = (slug: string, rest: Record<string, unknown> = {}) => ({ type: `https://api.backend.ai/probs/${slug}`, title: "t", ...rest });

/** The 500 an agent-side exception comes back as (spec §8 agent-details). */
export const agentFailure = (exception: string) =>
  problem("kernel-execution-failed", { "agent-details": { type: "https://api.backend.ai/probs/agent-failure", title: exception, exception } });
