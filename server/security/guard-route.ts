// Every route handler under app/api goes through guardRoute: state-changing requests must come from
// the app's own origin and carry an expected content type, bodies are read only up to the route's
// limit, and every response carries the security headers (proxy.ts does the same for pages).
import "server-only";
import { NextRequest } from "next/server";
import { env } from "@/server/env";
import { BodyTooLargeError, declaresTooMuch, limitBody } from "./body-limit";
import { applySecurityHeaders } from "./headers";
import { checkSameOrigin, hasContentType, isStateChanging } from "./same-origin";

export type GuardOptions = {
  /** Largest body accepted for a request (bytes); may depend on the request (e.g. the tRPC procedure). */
  maxBodyBytes: number | ((req: Request) => number);
  /** Media types a state-changing request may have (e.g. ["application/json"]); others get 415. */
  contentTypes: readonly string[];
  /** What a 413 says (default: the limit in MB). */
  tooLarge?: string;
  /** How a refusal is written (default jsonRefusal; the tRPC route answers in tRPC's error shape). */
  refusal?: (r: Refusal) => Response;
};

type Handler<C> = (req: Request, ctx: C) => Promise<Response> | Response;

export function isHttps(req: Request): boolean {
  return new URL(req.url).protocol === "https:" || (env.NEXTAUTH_URL?.startsWith("https:") ?? false);
}

export type Refusal = { req: Request; status: 403 | 413 | 415; message: string };

/** The default refusal: `{ error: "<sentence>" }`, like route-helpers' errorResponse. */
export function jsonRefusal(r: Refusal): Response {
  return Response.json({ error: r.message }, { status: r.status, headers: { "cache-control": "no-store" } });
}

type Admission = { refused: Response } | { req: Request; exceeded: () => boolean; tooLarge: () => Response };

function admit(req: Request, o: GuardOptions): Admission {
  const refuse = (status: Refusal["status"], message: string) => (o.refusal ?? jsonRefusal)({ req, status, message });
  if (!isStateChanging(req.method)) return { req, exceeded: () => false, tooLarge: () => new Response(null, { status: 413 }) };
  if (!checkSameOrigin(req, { publicUrl: env.NEXTAUTH_URL }).ok) return { refused: refuse(403, "This request did not come from Kernelbook's own pages, so it was refused.") };
  if (!hasContentType(req, o.contentTypes)) return { refused: refuse(415, `Send this request as ${o.contentTypes.join(" or ")}.`) };
  const limit = typeof o.maxBodyBytes === "function" ? o.maxBodyBytes(req) : o.maxBodyBytes;
  const tooLarge = () => refuse(413, o.tooLarge ?? new BodyTooLargeError(limit).message);
  if (declaresTooMuch(req, limit)) return { refused: tooLarge() };
  if (!req.body) return { req, exceeded: () => false, tooLarge };
  const limited = limitBody(req.body, limit);
  // A NextRequest again: handlers such as next-auth's read `nextUrl` and `cookies` from it.
  const init = { method: req.method, headers: req.headers, body: limited.body, signal: req.signal, duplex: "half" };
  return { req: new NextRequest(req.url, init as ConstructorParameters<typeof NextRequest>[1]), exceeded: limited.exceeded, tooLarge };
}

/** The handler's answer, or a 413 when its reading met the limit (whether it answered or threw). */
async function handle<C>(handler: Handler<C>, admitted: Exclude<Admission, { refused: Response }>, ctx: C): Promise<Response> {
  try {
    const res = await handler(admitted.req, ctx);
    return admitted.exceeded() ? admitted.tooLarge() : res;
  } catch (e) {
    if (admitted.exceeded()) return admitted.tooLarge();
    throw e;
  }
}

/** Wraps a route handler with the origin check, the content-type check, the body limit and the headers. */
export function guardRoute<C>(handler: Handler<C>, o: GuardOptions): (req: Request, ctx: C) => Promise<Response> {
  return async (req, ctx) => {
    const admitted = admit(req, o);
    const res = "refused" in admitted ? admitted.refused : await handle(handler, admitted, ctx);
    // Some responses (redirects) have immutable headers: copy into a fresh response.
    const out = new Response(res.body, { status: res.status, statusText: res.statusText, headers: res.headers });
    applySecurityHeaders(out.headers, { https: isHttps(req) });
    return out;
  };
}
