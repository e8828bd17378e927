// Why: the web node's token lifecycle (§1): login issues an access/refresh pair, refresh replaces
// the pair it came from, revoke ends it, bearer checks answer 401; tests can expire everything.
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { bearerRejected, MlApiError } from "./errors";
import type { Faults } from "./faults";

type Pair = { user: string; access: string; refresh: string; accessExpiresMs: number; refreshExpiresMs: number; chainStartMs: number };

export type TokenStoreOptions = {
  users: Map<string, string>;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  expiresOnAsString: boolean;
  faults: Faults;
  now?: () => number;
};

/** §1.5: the renew cycle can go on for up to 90 days, then the user must log in again. */
const CHAIN_LIMIT_MS = 90 * 24 * 3600 * 1000;

const b64url = (v: string | Buffer) => Buffer.from(v).toString("base64url");

export class TokenStore {
  private readonly byAccess = new Map<string, Pair>();
  private readonly byRefresh = new Map<string, Pair>();
  private readonly secret = randomBytes(32);
  private readonly now: () => number;

  constructor(private readonly opts: TokenStoreOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** POST /login. */
  login(username: unknown, password: unknown): Record<string, unknown> {
    if (typeof username !== "string" || this.opts.users.get(username) !== password || typeof password !== "string") {
      throw new MlApiError("UNAUTHORIZED", "Unauthorized (invalid credentials)");
    }
    // §1.5 says a new pair invalidates the previous one. Read literally for logins, a second client
    // of the same user would log the first one out; JWT access tokens are checked by signature on
    // any web node, so we apply it to the refresh chain only, unless the fault asks for the literal reading.
    if (this.opts.faults.loginInvalidatesOtherPairs) {
      for (const pair of [...this.byAccess.values()].filter((p) => p.user === username)) this.forget(pair);
    }
    return this.issue(username, this.now());
  }

  /** POST /login/refreshToken: a new pair (both tokens), the old one stops working (§1.4). */
  refresh(refreshToken: unknown): Record<string, unknown> {
    const pair = this.liveRefresh(refreshToken);
    this.forget(pair);
    return this.issue(pair.user, pair.chainStartMs);
  }

  /** DELETE /login/refreshToken?refreshToken=…: the refresh token and its access token end (§1.4, §1.5). */
  revoke(refreshToken: unknown): void {
    this.forget(this.liveRefresh(refreshToken));
  }

  /** The user a bearer header belongs to; 401 otherwise. */
  authenticate(authorization: string | undefined): string {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
    if (!token) throw bearerRejected("missing");
    const pair = this.byAccess.get(token);
    if (!pair) throw bearerRejected("invalid");
    if (pair.accessExpiresMs <= this.now()) throw bearerRejected("expired");
    return pair.user;
  }

  expireAccessTokens(): void {
    for (const pair of this.byAccess.values()) pair.accessExpiresMs = 0;
  }

  expireRefreshTokens(): void {
    for (const pair of this.byRefresh.values()) pair.refreshExpiresMs = 0;
  }

  private liveRefresh(refreshToken: unknown): Pair {
    const pair = typeof refreshToken === "string" ? this.byRefresh.get(refreshToken) : undefined;
    const now = this.now();
    if (!pair || pair.refreshExpiresMs <= now || now - pair.chainStartMs > CHAIN_LIMIT_MS) {
      throw new MlApiError("UNAUTHORIZED", "Unauthorized (invalid or expired refresh token)");
    }
    return pair;
  }

  private forget(pair: Pair): void {
    this.byAccess.delete(pair.access);
    this.byRefresh.delete(pair.refresh);
  }

  private issue(user: string, chainStartMs: number): Record<string, unknown> {
    const now = this.now();
    const accessExpiresMs = now + this.opts.accessTtlSeconds * 1000;
    const pair: Pair = {
      user,
      access: this.jwt(user, now, accessExpiresMs),
      // Opaque, and like the documented ones it may contain "/" and "+" (clients must URL-encode it).
      refresh: randomBytes(33).toString("base64"),
      accessExpiresMs,
      refreshExpiresMs: now + this.opts.refreshTtlSeconds * 1000,
      chainStartMs,
    };
    this.byAccess.set(pair.access, pair);
    this.byRefresh.set(pair.refresh, pair);
    const expiresOn = Math.floor(accessExpiresMs / 1000);
    return {
      token_type: "Bearer",
      access_token: pair.access,
      expires_in: this.opts.accessTtlSeconds,
      expires_on: this.opts.expiresOnAsString ? String(expiresOn) : expiresOn,
      refresh_token: pair.refresh,
    };
  }

  /** A JWT-shaped access token (HS256 here; the real web node signs with its certificate). */
  private jwt(user: string, nowMs: number, expMs: number): string {
    const head = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
    const claims = { unique_name: user, jti: randomUUID(), nbf: Math.floor(nowMs / 1000), iat: Math.floor(nowMs / 1000), exp: Math.floor(expMs / 1000) };
    const body = b64url(JSON.stringify(claims));
    const sig = createHmac("sha256", this.secret).update(`${head}.${body}`).digest("base64url");
    return `${head}.${body}.${sig}`;
  }
}
