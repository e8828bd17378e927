import { describe, expect, it } from "vitest";
import { KernelError } from "@/server/errors";
import { renewAt } from "./auth";
import { MlServerHttpError } from "./errors";
import { FakeMlServer, PASSWORD, USERNAME } from "./fake-ml-server";
import { FIXTURES, SESSION_ID } from "./fixtures";

const NOW = Date.UTC(2024, 0, 1);
const issued = (body: Record<string, unknown>, serverDate?: number) => ({
  body: { access_token: "a", refresh_token: "r", ...body } as never,
  serverDate,
});

describe("renewAt", () => {
  it("renews a minute before expires_on, accepting a number or a numeric string", () => {
    expect(renewAt(issued({ expires_on: NOW / 1000 + 3600 }), NOW)).toBe(NOW + 3600_000 - 60_000);
  });

  it("corrects for a server clock that differs from ours (Date header)", () => {
    const serverNow = NOW - 10 * 365 * 86400_000; // the fixtures' tokens date from 2016
    expect(renewAt(issued({ expires_on: serverNow / 1000 + 3600 }, serverNow), NOW)).toBe(NOW + 3600_000 - 60_000);
  });

  it("renews short-lived tokens at three quarters of their life", () => {
    expect(renewAt(issued({ expires_on: NOW / 1000 + 20 }), NOW)).toBe(NOW + 15_000);
  });

  it("trusts expires_in when expires_on is already past and no Date header came", () => {
    expect(renewAt(issued({ expires_on: 1479664807, expires_in: 3600 }), NOW)).toBe(NOW + 3600_000 - 60_000);
    expect(renewAt(issued({}), NOW)).toBe(NOW + 3600_000 - 60_000);
  });
});

describe("ML Server tokens", () => {
  it("logs in once with username and password and sends the bearer token on every call", async () => {
    const fake = new FakeMlServer();
    const { client } = fake.provider();
    await client.listSessions();
    await client.listSessions();
    expect(fake.calls()).toEqual(["POST /login", "GET /sessions", "GET /sessions"]);
    expect(fake.requests[0]?.json).toEqual({ username: USERNAME, password: PASSWORD });
    expect(fake.requests[0]?.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(fake.requests[1]?.headers.get("authorization")).toBe(`Bearer ${FIXTURES["login-ok"].access_token}`);
  });

  it("shares one login among concurrent calls", async () => {
    const fake = new FakeMlServer();
    const { client } = fake.provider();
    await Promise.all([client.listSessions(), client.listSessions(), client.listSnapshots()]);
    expect(fake.calls().filter((c) => c === "POST /login")).toHaveLength(1);
  });

  it("refreshes before expires_on (sent as a numeric string) and then uses the new pair", async () => {
    const fake = new FakeMlServer();
    fake.expiresOnAsString = true;
    const { client } = fake.provider();
    await client.listSessions();
    fake.now += 3600_000 - 61_000;
    await client.listSessions();
    expect(fake.calls()).not.toContain("POST /login/refreshToken");
    fake.now += 2_000;
    await client.listSessions();
    const refresh = fake.requests.find((r) => r.path === "/login/refreshToken");
    expect(refresh?.json).toEqual({ refreshToken: FIXTURES["login-ok"].refresh_token });
    expect(fake.requests.at(-1)?.headers.get("authorization")).toBe(`Bearer ${FIXTURES["refresh-ok"].access_token}`);
  });

  it("logs in afresh when the refresh token is dead", async () => {
    const fake = new FakeMlServer();
    const { client } = fake.provider();
    await client.listSessions();
    fake.expireRefreshTokens();
    fake.now += 3600_000;
    await client.listSessions();
    expect(fake.calls()).toEqual(["POST /login", "GET /sessions", "POST /login/refreshToken", "POST /login", "GET /sessions"]);
  });

  it("after a 401, refreshes once and replays the call once", async () => {
    const fake = new FakeMlServer();
    const provider = fake.provider();
    await provider.start();
    fake.expireAccessTokens();
    expect(await provider.status(SESSION_ID)).toBe("idle");
    expect(fake.calls().slice(2)).toEqual(["GET /sessions", "POST /login/refreshToken", "GET /sessions"]);
  });

  it("shares the renewal when several calls meet a 401 at once", async () => {
    const fake = new FakeMlServer();
    const { client } = fake.provider();
    await client.listSessions();
    fake.expireAccessTokens();
    await Promise.all([client.listSessions(), client.listSessions(), client.listSnapshots()]);
    expect(fake.calls().filter((c) => c.startsWith("POST /login"))).toEqual(["POST /login", "POST /login/refreshToken"]);
  });

  it("gives up after the replayed call is refused too, without showing any token", async () => {
    const fake = new FakeMlServer();
    const { client } = fake.provider();
    await client.listSessions();
    fake.route("GET", "/snapshots", { status: 401 });
    const error = await client.listSnapshots().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KernelError);
    expect((error as KernelError).code).toBe("UNAUTHORIZED");
    expect((error as KernelError).message).toMatch(/refused the access token/);
    expect(fake.calls().filter((c) => c === "GET /snapshots")).toHaveLength(2);
    const shown = `${(error as Error).message} ${String((error as Error).cause)}`;
    for (const secret of [FIXTURES["login-ok"].access_token, FIXTURES["refresh-ok"].access_token, PASSWORD]) expect(shown).not.toContain(secret);
  });

  it("reports wrong credentials clearly, never echoing the password", async () => {
    const fake = new FakeMlServer();
    const { client } = fake.provider({ password: "wrong-secret" });
    const error = (await client.listSessions().catch((e: unknown) => e)) as KernelError;
    expect(error.code).toBe("UNAUTHORIZED");
    expect(error.message).toBe("ML Server at http://mlserver.test:12800 rejected the user name or password; check the ML Server credentials. ML Server said: Unauthorized (invalid credentials)");
    expect(error.cause).toBeInstanceOf(MlServerHttpError);
    expect(JSON.stringify({ m: error.message, c: String(error.cause) })).not.toContain("wrong-secret");
  });

  it("revokes the refresh token on disconnect (query parameter, encoded) and signs in again afterwards", async () => {
    const fake = new FakeMlServer();
    const provider = fake.provider();
    await provider.client.listSessions();
    fake.expireAccessTokens();
    await provider.client.listSessions(); // now holding the refresh-ok pair, whose token has "+" and "/"
    await provider.disconnect();
    const revoke = fake.requests.at(-1);
    expect(`${revoke?.method} ${revoke?.path}?${revoke?.query.toString()}`).toBe("DELETE /login/refreshToken?refreshToken=ScW2tRk9Tq%2B7w%2FZp");
    expect(revoke?.headers.get("authorization")).toBe(`Bearer ${FIXTURES["refresh-ok"].access_token}`);
    await provider.client.listSessions();
    expect(fake.calls().slice(-2)).toEqual(["POST /login", "GET /sessions"]);
  });

  it("renews once to revoke when the access token is refused, and skips a dead refresh token", async () => {
    const fake = new FakeMlServer();
    const provider = fake.provider();
    await provider.client.listSessions();
    fake.expireAccessTokens();
    await provider.disconnect();
    expect(fake.calls().slice(2)).toEqual(["DELETE /login/refreshToken", "POST /login/refreshToken", "DELETE /login/refreshToken"]);
    const again = new FakeMlServer();
    const other = again.provider();
    await other.client.listSessions();
    again.expireAccessTokens();
    again.expireRefreshTokens();
    await other.disconnect();
    expect(again.calls().slice(2)).toEqual(["DELETE /login/refreshToken", "POST /login/refreshToken"]);
  });

  it("keeps the refresh token out of a failed revoke's error", async () => {
    const fake = new FakeMlServer();
    const provider = fake.provider();
    await provider.client.listSessions();
    fake.route("DELETE", "/login/refreshToken", { status: 500, body: { message: "boom", exceptionType: "InvalidOperationException" } });
    const error = (await provider.disconnect().catch((e: unknown) => e)) as KernelError;
    expect(error.message).toBe("ML Server failed to sign out (HTTP 500). ML Server said: boom");
    expect(String(error.cause)).toContain("refreshToken=[redacted]");
    expect(String(error.cause)).not.toContain(FIXTURES["login-ok"].refresh_token);
  });
});
