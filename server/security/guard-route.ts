// Every route handler under app/api goes through guardRoute: state-changing requests must come from
// the app's own origin and carry an expected content type, bodies are read only up to the route's
// limit, and every response carries the security headers (proxy.ts does the same for pages).
import "server-only";
import { NextRequest } from "next/server";
import { env } from "@/server/env";
import { readBodyLimited, BodyTooLargeError } from "./body-limit";
import { applySecurityHeaders } from "./headers";
import { checkSameOrigin, hasContentType, isStateChanging } from "./same-origin";

export type GuardOptions = {
  /** Largest body accepted for a request (bytes); may depend on the request (e.g. the tRPC procedure). */
  maxBodyBytes: number | ((req: Request) => number);
  /** Media types a state-changing request may have (e.g. ["application/json"]); others get 415. */
  contentTypes: readonly string[];
};

type Handler<C> = (req: Request, ctx: C) => Promise<Response> | Response;

export function isHttps(req: Request): boolean {
  return new URL(req.url).protocol === "https:" || (env.NEXTAUTH_URL?.startsWith("https:") ?? false);
}

function refuse(status: number, message: string): Response {
  return Response.json({ error: message }, { status, headers: { "cache-control": "no-store" } });
}

async function admit(req: Request, o: GuardOptions): Promise<Request | Response> {
  if (!isStateChanging(req.method)) return req;
  if (!checkSameOrigin(req, { publicUrl: env.NEXTAUTH_URL }).ok) return refuse(403, "This request did not come from Kernelbook's own pages, so it was refused.");
  if (!hasContentType(req, o.contentTypes)) return refuse(415, `Send this request as ${o.contentTypes.join(" or ")}.`);
  const limit = typeof o.maxBodyBytes === "function" ? o.maxBodyBytes(req) : o.maxBodyBytes;
  try {
    const body = await readBodyLimited(req, limit);
    // A NextRequest again: handlers such as next-auth's read `nextUrl` and `cookies` from it.
    return new NextRequest(req.url, { method: req.method, headers: req.headers, body: body as BodyInit, signal: req.signal });
  } catch (e) {
    if (e instanceof BodyTooLargeError) return refuse(413, e.message);
    throw e;
  }
}

/** Wraps a route handler with the origin check, the content-type check, the body limit and the headers. */
export function guardRoute<C>(handler: Handler<C>, o: GuardOptions): (req: Request, ctx: C) => Promise<Response> {
  return async (req, ctx) => {
    const admitted = await admit(req, o);
    const res = admitted instanceof Response ? admitted : await handler(admitted, ctx);
    // Some responses (redirects) have immutable headers: copy into a fresh response.
    const out = new Response(res.body, { status: res.status, statusText: res.statusText, headers: res.headers });
    applySecurityHeaders(out.headers, { https: isHttps(req) });
    return out;
  };
}
