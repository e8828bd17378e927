// The app's route handlers (tRPC, kernel files, next-auth) refuse forged and oversized requests
// before any of their own code runs, and answer with the security headers.
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import type { AppRouter } from "@/server/api/root";
import * as trpcRoute from "@/app/api/trpc/[trpc]/route";
import * as filesRoute from "@/app/api/notebooks/[id]/files/route";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";
import { API_POLICY } from "./csp";
import { guardRoute } from "./guard-route";

process.env.NEXTAUTH_URL ??= "http://127.0.0.1:3000";
const APP = "http://127.0.0.1:3000";
const ATTACKER = "http://127.0.0.1:4444";
const trpcCtx = { params: Promise.resolve({ trpc: "notebook.create" }) };

function form(): FormData {
  const f = new FormData();
  f.set("file", new File(["forged"], "evil.R"));
  return f;
}

function titleForm(): FormData {
  const f = new FormData();
  f.set("title", "pwned");
  return f;
}

/** A body produced lazily, counting how many bytes the server pulled. */
function lazyBody(total: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let sent = 0;
  const chunk = new Uint8Array(64 * 1024).fill(120);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => sent };
}

describe("forged requests", () => {
  it("refuses a form posted to tRPC from another origin on the same host", async () => {
    const res = await trpcRoute.POST(new Request(`${APP}/api/trpc/notebook.create`, {
      method: "POST", headers: { origin: ATTACKER, "sec-fetch-site": "same-site" }, body: titleForm(),
    }), trpcCtx);
    expect(res.status).toBe(403);
    expect((await res.json()).error.json).toMatchObject({
      message: "This request did not come from Kernelbook's own pages, so it was refused.", data: { code: "FORBIDDEN", httpStatus: 403 },
    });
  });

  it("refuses form content types on tRPC even from the app's origin", async () => {
    for (const body of [form(), new URLSearchParams({ title: "x" }), "{\"json\":{\"title\":\"x\"}}"]) {
      const res = await trpcRoute.POST(new Request(`${APP}/api/trpc/notebook.create`, { method: "POST", headers: { origin: APP }, body }), trpcCtx);
      expect(res.status).toBe(415);
    }
  });

  it("refuses a state-changing request that names no origin at all", async () => {
    const res = await trpcRoute.POST(new Request(`${APP}/api/trpc/notebook.create`, {
      method: "POST", headers: { "content-type": "application/json" }, body: "{\"json\":{\"title\":\"x\"}}",
    }), trpcCtx);
    expect(res.status).toBe(403);
  });

  it("refuses a forged upload to a kernel's files", async () => {
    const res = await filesRoute.POST(new Request(`${APP}/api/notebooks/nb1/files`, { method: "POST", headers: { origin: ATTACKER }, body: form() }), {
      params: Promise.resolve({ id: "nb1" }),
    });
    expect(res.status).toBe(403);
  });

  it("refuses next-auth posts from another origin", async () => {
    const res = await authRoute.POST(new Request(`${APP}/api/auth/signout`, {
      method: "POST", headers: { origin: ATTACKER }, body: new URLSearchParams({ csrfToken: "x" }),
    }), { params: Promise.resolve({ nextauth: ["signout"] }) });
    expect(res.status).toBe(403);
  });
});

it("the browser's tRPC client reads a refusal as its sentence", async () => {
  const client = createTRPCClient<AppRouter>({
    links: [httpBatchLink({
      url: `${APP}/api/trpc`, transformer: superjson,
      fetch: (url, init) => trpcRoute.POST(new Request(String(url), { ...init, headers: { ...(init?.headers as Record<string, string>), origin: ATTACKER } } as RequestInit), trpcCtx),
    })],
  });
  await expect(client.notebook.create.mutate({ title: "x" })).rejects.toThrow("This request did not come from Kernelbook's own pages, so it was refused.");
});

describe("request limits", () => {
  it("refuses a declared 50 MB title before reading it", async () => {
    const body = lazyBody(50 * 1024 * 1024);
    const res = await trpcRoute.POST(new Request(`${APP}/api/trpc/notebook.rename`, {
      method: "POST", headers: { origin: APP, "content-type": "application/json", "content-length": String(50 * 1024 * 1024) },
      body: body.stream, duplex: "half",
    } as RequestInit), trpcCtx);
    expect(res.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(256 * 1024);
  });

  it("stops reading a streamed body as soon as the handler's reading passes the limit", async () => {
    const echo = guardRoute(async (req: Request) => new Response(await req.text()), { maxBodyBytes: 1024 * 1024, contentTypes: ["application/json"] });
    const body = lazyBody(50 * 1024 * 1024);
    const res = await echo(new Request(`${APP}/api/echo`, {
      method: "POST", headers: { origin: APP, "content-type": "application/json" }, body: body.stream, duplex: "half",
    } as RequestInit), undefined);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toBe("The request is larger than 1 MB, the limit for this address.");
    expect(body.pulled()).toBeLessThan(2 * 1024 * 1024);
    const small = lazyBody(512 * 1024);
    const ok = await echo(new Request(`${APP}/api/echo`, {
      method: "POST", headers: { origin: APP, "content-type": "application/json" }, body: small.stream, duplex: "half",
    } as RequestInit), undefined);
    expect(ok.status).toBe(200);
    expect((await ok.text()).length).toBe(small.pulled());
  });

  it("refuses a batch of more than 50 calls", async () => {
    const paths = Array.from({ length: 1000 }, () => "notebook.list").join(",");
    const res = await trpcRoute.GET(new Request(`${APP}/api/trpc/${paths}?batch=1`), trpcCtx);
    expect(res.status).toBe(413);
    const answers = (await res.json()) as { error: { json: { message: string } } }[];
    expect(answers).toHaveLength(50);
    expect(answers[0]?.error.json.message).toBe("A request may batch at most 50 calls.");
  });
});

it("API responses carry the security headers", async () => {
  const res = await trpcRoute.POST(new Request(`${APP}/api/trpc/notebook.create`, { method: "POST", headers: { origin: ATTACKER } }), trpcCtx);
  expect(res.headers.get("content-security-policy")).toBe(API_POLICY);
  expect(res.headers.get("x-frame-options")).toBe("DENY");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(res.headers.get("permissions-policy")).toContain("camera=()");
  expect(res.headers.get("strict-transport-security")).toBeNull();
});
