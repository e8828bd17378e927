// The provider's token lifecycle against the ML Server protocol test server: short-lived tokens
// renewed before expiry, a refused token renewed and the call replayed, a dead refresh token
// replaced by a fresh login, revocation on disconnect; every exchange checked against the swagger.
import { afterAll, describe, expect, it } from "vitest";
import { KernelError } from "@/server/errors";
import { startMlServerTestServer } from "@/test/mlserver-server/server";
import { createMlServerProvider } from "./index";

// expires_on as the swagger declares it (a numeric string), and tokens that live 8 s.
const server = await startMlServerTestServer({ accessTokenTtlSeconds: 8, expiresOnAsString: true });
afterAll(() => server.close());

type Seen = { method: string; path: string; query: URLSearchParams; status: number };

/** A provider whose requests (method, path, status) are recorded. */
function recorded(options: { password?: string } = {}) {
  const seen: Seen[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input));
    const response = await globalThis.fetch(input, init);
    seen.push({ method: init?.method ?? "GET", path: url.pathname, query: url.searchParams, status: response.status });
    return response;
  };
  const provider = createMlServerProvider({ url: server.url, username: server.username, password: options.password ?? server.password, fetch, pollMs: 100 });
  const calls = () => seen.map((s) => `${s.method} ${s.path} ${s.status}`);
  return { provider, seen, calls };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("mlserver tokens against the test server", () => {
  it("renews short-lived tokens before they expire, so no call is refused", async () => {
    const { provider, calls } = recorded();
    const { remoteId } = await provider.start();
    await sleep(7000);
    expect(await provider.status(remoteId)).toBe("idle");
    expect(calls()).toEqual(["POST /login 200", "POST /sessions 201", "POST /login/refreshToken 200", "GET /sessions 200"]);
    await provider.shutdown(remoteId);
  }, 20_000);

  it("renews a refused token and replays the call once", async () => {
    const { provider, calls } = recorded();
    const { remoteId } = await provider.start();
    server.expireAccessTokens();
    expect(await provider.status(remoteId)).toBe("idle");
    expect(calls().slice(2)).toEqual(["GET /sessions 401", "POST /login/refreshToken 200", "GET /sessions 200"]);
    await provider.shutdown(remoteId);
  });

  it("logs in afresh when the refresh token is dead too", async () => {
    const { provider, calls } = recorded();
    const { remoteId } = await provider.start();
    server.expireAccessTokens();
    server.expireRefreshTokens();
    const events = [];
    for await (const event of provider.execute(remoteId, { code: "1+1" })) events.push(event);
    expect(events).toEqual([{ type: "stream", name: "stdout", text: "[1] 2\n" }]);
    const execute = `POST /sessions/${remoteId}/execute`;
    expect(calls().slice(2, 6)).toEqual([`${execute} 401`, "POST /login/refreshToken 401", "POST /login 200", `${execute} 200`]);
    await provider.shutdown(remoteId);
  });

  it("revokes the refresh token on disconnect, and signs in again for the next call", async () => {
    const { provider, seen, calls } = recorded();
    await provider.snapshots.list();
    await provider.disconnect();
    const revoke = seen.at(-1);
    expect(`${revoke?.method} ${revoke?.path} ${revoke?.status}`).toBe("DELETE /login/refreshToken 200");
    const revoked = revoke?.query.get("refreshToken") ?? "";
    const reuse = await fetch(`${server.url}/login/refreshToken`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ refreshToken: revoked }) });
    expect(reuse.status).toBe(401);
    await provider.snapshots.list();
    expect(calls().slice(-2)).toEqual(["POST /login 200", "GET /snapshots 200"]);
  });

  it("keeps working when a login elsewhere ends its token pair", async () => {
    server.faults.loginInvalidatesOtherPairs = true;
    try {
      const first = recorded();
      await first.provider.snapshots.list();
      await recorded().provider.snapshots.list();
      await first.provider.snapshots.list();
      expect(first.calls()).toEqual(["POST /login 200", "GET /snapshots 200", "GET /snapshots 401", "POST /login/refreshToken 401", "POST /login 200", "GET /snapshots 200"]);
    } finally {
      server.faults.loginInvalidatesOtherPairs = false;
    }
  });

  it("reports a wrong password as a clear error without the password", async () => {
    const { provider } = recorded({ password: "not-the-password" });
    const error = (await provider.start().catch((e: unknown) => e)) as KernelError;
    expect(error).toBeInstanceOf(KernelError);
    expect(error.code).toBe("UNAUTHORIZED");
    expect(error.message).toMatch(/rejected the user name or password/);
    expect(`${error.message} ${String(error.cause)}`).not.toContain("not-the-password");
  });

  it("made every exchange as the swagger declares it", () => {
    expect(server.violations).toEqual([]);
  });
});
