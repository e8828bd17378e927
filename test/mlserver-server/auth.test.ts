// Why: the token lifecycle of §1 over HTTP: login, bearer checks, expiry, refresh (the old pair
// dies), refresh expiry (log in again), revoke, and the expires_on shapes; no swagger violations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMlServerTestServer, type MlServerTestServer } from "./server";
import { TestClient, ZTokens } from "./test-client";

let srv: MlServerTestServer;
beforeAll(async () => {
  srv = await startMlServerTestServer({ users: [{ username: "admin", password: "Pa$$w0rd-example" }, { username: "sean", password: "s3cret" }] });
});
afterAll(async () => {
  await srv.close();
  expect(srv.violations).toEqual([]);
  expect(srv.exchanges).toBeGreaterThan(20);
});

describe("ML Server test server: authentication (§1)", () => {
  it("logs in with username/password and answers the documented token fields", async () => {
    const c = new TestClient(srv);
    const before = Math.floor(Date.now() / 1000);
    const t = await c.login();
    expect(t.expires_in).toBe(3600);
    expect(typeof t.expires_on).toBe("number");
    expect(Number(t.expires_on)).toBeGreaterThanOrEqual(before + 3600);
    expect(t.access_token.split(".")).toHaveLength(3);
    expect((await c.call("GET", "/sessions")).json).toEqual([]);
  });

  it("answers 401 with the Error body for wrong credentials", async () => {
    const c = new TestClient(srv, { username: "admin", password: "wrong" });
    const res = await c.call("POST", "/login", { json: { username: "admin", password: "wrong" }, token: null });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ message: "Unauthorized (invalid credentials)" });
  });

  it("answers 401 with an empty body and WWW-Authenticate for a missing, unknown or expired token", async () => {
    const c = new TestClient(srv);
    await c.login();
    const unknown = await c.call("GET", "/status", { token: "not-a-token" });
    expect([unknown.status, unknown.text]).toEqual([401, ""]);
    expect(unknown.headers.get("www-authenticate")).toContain('error="invalid_token"');
    srv.expireAccessTokens();
    const expired = await c.call("GET", "/sessions");
    expect(expired.status).toBe(401);
    expect(expired.headers.get("www-authenticate")).toContain("The token is expired");
  });

  it("refreshes: a new pair works, the old access and refresh tokens stop working", async () => {
    const c = new TestClient(srv);
    await c.login();
    const old = { access: c.access, refresh: c.refresh };
    srv.expireAccessTokens();
    expect((await c.call("GET", "/sessions")).status).toBe(401);
    const renewed = await c.call("POST", "/login/refreshToken", { json: { refreshToken: old.refresh }, token: null });
    expect(renewed.status).toBe(200);
    const t = ZTokens.parse(renewed.json);
    expect(t.refresh_token).not.toBe(old.refresh);
    expect((await c.call("GET", "/sessions", { token: t.access_token })).status).toBe(200);
    expect((await c.call("GET", "/sessions", { token: old.access })).status).toBe(401);
    const again = await c.call("POST", "/login/refreshToken", { json: { refreshToken: old.refresh }, token: null });
    expect(again).toMatchObject({ status: 401, json: { message: "Unauthorized (invalid or expired refresh token)" } });
  });

  it("makes the client log in again once refresh tokens expire", async () => {
    const c = new TestClient(srv);
    await c.login();
    srv.expireRefreshTokens();
    srv.expireAccessTokens();
    expect((await c.call("POST", "/login/refreshToken", { json: { refreshToken: c.refresh }, token: null })).status).toBe(401);
    await c.login();
    expect((await c.call("GET", "/sessions")).status).toBe(200);
  });

  it("revokes a refresh token (query parameter, URL-encoded): refresh and its access token end", async () => {
    const c = new TestClient(srv);
    await c.login();
    const other = new TestClient(srv);
    await other.login();
    const revoked = await c.call("DELETE", `/login/refreshToken?refreshToken=${encodeURIComponent(c.refresh)}`);
    expect([revoked.status, revoked.text]).toEqual([200, ""]);
    expect((await c.call("POST", "/login/refreshToken", { json: { refreshToken: c.refresh }, token: null })).status).toBe(401);
    expect((await c.call("GET", "/sessions")).status).toBe(401);
    // Another login of the same user is a separate pair and keeps working.
    expect((await other.call("GET", "/sessions")).status).toBe(200);
    const twice = await c.call("DELETE", `/login/refreshToken?refreshToken=${encodeURIComponent(c.refresh)}`, { token: null });
    expect(twice.status).toBe(401);
  });

  it("can read §1.5 literally: a login ends the user's other pairs", async () => {
    const first = new TestClient(srv);
    await first.login();
    srv.faults.loginInvalidatesOtherPairs = true;
    try {
      await new TestClient(srv).login();
      expect((await first.call("GET", "/sessions")).status).toBe(401);
    } finally {
      srv.faults.loginInvalidatesOtherPairs = false;
    }
  });

  it("keeps sessions per user", async () => {
    const admin = new TestClient(srv);
    await admin.login();
    const sean = new TestClient(srv, { username: "sean", password: "s3cret" });
    await sean.login();
    const id = await admin.createSession({ name: "mine" });
    expect((await sean.call("GET", "/sessions")).json).toEqual([]);
    expect((await sean.call("GET", `/sessions/${id}/history`)).status).toBe(404);
    expect((await admin.call("GET", "/sessions")).json).toEqual([{ id, name: "mine", owner: "admin", runtimeType: "R" }]);
    expect((await admin.call("DELETE", `/sessions/${id}`)).status).toBe(200);
  });
});

describe("ML Server test server: token lifetimes and expires_on as a string", () => {
  it("expires access tokens by time and sends expires_on in the declared string form", async () => {
    const short = await startMlServerTestServer({ accessTokenTtlSeconds: 1, refreshTokenTtlSeconds: 2, expiresOnAsString: true });
    try {
      const c = new TestClient(short);
      const t = await c.login();
      expect(t.expires_on).toMatch(/^\d+$/);
      expect(t.expires_in).toBe(1);
      expect((await c.call("GET", "/status")).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1300));
      expect((await c.call("GET", "/status")).status).toBe(401);
      const renewed = await c.call("POST", "/login/refreshToken", { json: { refreshToken: c.refresh }, token: null });
      expect(renewed.status).toBe(200);
      await new Promise((r) => setTimeout(r, 2300));
      const late = await c.call("POST", "/login/refreshToken", { json: { refreshToken: ZTokens.parse(renewed.json).refresh_token }, token: null });
      expect(late.status).toBe(401);
      expect(short.violations).toEqual([]);
    } finally {
      await short.close();
    }
  });
});
