// API version negotiation against the Backend.AI test manager in two releases: a 23.09 manager
// (newest v7.20230615, refuses v8.x with 400) and a 24.09 one. An unpinned client asks GET / once per
// endpoint and runs R on both; a client pinned to v8 is refused by 23.09 as before.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBackendAiTestServer, type BackendAiTestServer } from "@/test/backendai-server/server";
import { runCode, streamText } from "@/test/kernel-events";
import { forgetNegotiatedVersions } from "./api-version";
import { BackendAIClient } from "./client";
import { createBackendAIProvider } from "./index";

let old: BackendAiTestServer;
let current: BackendAiTestServer;
beforeAll(async () => {
  [old, current] = await Promise.all([startBackendAiTestServer({ flushMs: 200, managerRelease: "23.09" }), startBackendAiTestServer({ flushMs: 200 })]);
});
afterAll(async () => {
  await Promise.all([old.close(), current.close()]);
});

/** A fetch that records each request's path and X-BackendAI-Version header. */
function recordingFetch() {
  const seen: { path: string; version: string | null }[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    seen.push({ path: new URL(String(input)).pathname, version: new Headers(init?.headers).get("x-backendai-version") });
    return globalThis.fetch(input, init);
  };
  return { fetch, seen };
}

const keys = (srv: BackendAiTestServer) => ({ endpoint: srv.endpoint, accessKey: srv.accessKey, secretKey: srv.secretKey });

describe("Backend.AI API version negotiation", () => {
  it("the 23.09 test manager reports v7.20230615 and refuses v8.20240915, so a client pinned to v8 fails there", async () => {
    expect(await (await fetch(`${old.endpoint}/`)).json()).toEqual({ version: "v7.20230615", manager: "23.09.0" });
    const pinned = new BackendAIClient({ ...keys(old), apiVersion: "v8.20240915" });
    await expect(pinned.resourceSlots()).rejects.toMatchObject({ message: expect.stringContaining("Unsupported API version") });
  });

  it("an unpinned client picks v7.20230615 on 23.09, runs R there, and asks GET / once per endpoint", async () => {
    forgetNegotiatedVersions();
    const { fetch, seen } = recordingFetch();
    const provider = createBackendAIProvider({ ...keys(old), fetch, startPollMs: 20 });
    const [spec] = await provider.listSpecs();
    const kernel = await provider.start({ spec: spec?.name });
    expect(streamText(await runCode(provider, kernel.remoteId, "6 * 7"))).toBe("[1] 42\n");
    await provider.shutdown(kernel.remoteId);

    const again = new BackendAIClient({ ...keys(old), fetch });
    expect(await again.resourceSlots()).toHaveProperty("cpu");
    expect(seen.filter((s) => s.path === "/")).toEqual([{ path: "/", version: null }]);
    expect(new Set(seen.filter((s) => s.path !== "/").map((s) => s.version))).toEqual(new Set(["v7.20230615"]));
  });

  it("keeps v8.20240915 for a 24.09 manager, negotiated separately from the 23.09 one", async () => {
    const { fetch, seen } = recordingFetch();
    const client = new BackendAIClient({ ...keys(current), fetch });
    expect(await client.resourceSlots()).toHaveProperty("cpu");
    expect(seen.map((s) => s.version)).toEqual([null, "v8.20240915"]);
  });
});
