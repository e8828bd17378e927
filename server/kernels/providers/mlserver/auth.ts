// Bearer tokens for ML Server (mlserver.md §1): log in, refresh shortly before `expires_on`,
// renew after a 401, log in afresh when the refresh token is dead, revoke on disconnect.
// Concurrent callers share one login or refresh in flight; tokens never appear in errors.
import { httpStatus } from "./errors";
import type { AccessTokenResponse } from "./schemas";

/** A token pair as issued, with the time (this machine's clock, ms) to renew it. */
export type TokenSet = { accessToken: string; refreshToken: string; renewAt: number };

/** An AccessTokenResponse with the answer's Date header (ms), which corrects for clock skew. */
export type Issued = { body: AccessTokenResponse; serverDate?: number };

/** The two unauthenticated calls, provided by the transport. */
export type TokenEndpoints = {
  login(): Promise<Issued>;
  refresh(refreshToken: string): Promise<Issued>;
};

/** Renew this long before expiry at most (a quarter of the lifetime for short-lived tokens). */
const MAX_MARGIN_MS = 60_000;
/** Lifetime assumed for a token that looks expired on arrival and has no `expires_in`. */
const FALLBACK_LIFETIME_MS = 60_000;

/** When to renew: before `expires_on` (seconds since epoch, seen from this machine's clock). */
export function renewAt(issued: Issued, now: number): number {
  const { expires_on: expiresOn, expires_in: expiresIn } = issued.body;
  let lifetime: number;
  if (expiresOn !== undefined) {
    // The server's clock decides expiry; its Date header says how far ours is off.
    const skew = issued.serverDate === undefined ? 0 : now - issued.serverDate;
    lifetime = expiresOn * 1000 + skew - now;
  } else {
    lifetime = (expiresIn ?? 3600) * 1000;
  }
  // Clocks far apart without a Date header: trust expires_in rather than renew on every call.
  if (lifetime <= 0) lifetime = expiresIn !== undefined && expiresIn > 0 ? expiresIn * 1000 : FALLBACK_LIFETIME_MS;
  return now + lifetime - Math.min(MAX_MARGIN_MS, lifetime / 4);
}

export class TokenManager {
  private tokens: TokenSet | undefined;
  private pending: Promise<TokenSet> | undefined;

  constructor(
    private readonly endpoints: TokenEndpoints,
    private readonly now: () => number = Date.now,
  ) {}

  /** A token good for a while yet: the current one, or a renewed one near its expiry. */
  async accessToken(): Promise<string> {
    const tokens = this.tokens;
    if (tokens && !this.pending && this.now() < tokens.renewAt) return tokens.accessToken;
    return (await this.renew()).accessToken;
  }

  /** After a 401 for `rejected`: a fresh token, renewing once however many calls were refused. */
  async afterUnauthorized(rejected: string): Promise<string> {
    if (this.pending) return (await this.pending).accessToken;
    if (this.tokens && this.tokens.accessToken !== rejected) return this.tokens.accessToken;
    return (await this.renew()).accessToken;
  }

  /**
   * Revokes the refresh token through `send`; when the access token is refused, refreshes once and
   * revokes the new one (a refresh token that is already dead needs no revoking). Forgets the pair.
   */
  async revoke(send: (tokens: TokenSet) => Promise<void>): Promise<void> {
    await this.pending?.catch(() => undefined);
    const tokens = this.tokens;
    if (!tokens) return;
    try {
      await send(tokens);
    } catch (error) {
      if (httpStatus(error) !== 401) throw error;
      const renewed = await this.endpoints.refresh(tokens.refreshToken).catch((e: unknown) => {
        if (httpStatus(e) === 401) return undefined;
        throw e;
      });
      if (renewed) await send(this.keep(renewed));
    } finally {
      this.tokens = undefined;
    }
  }

  private renew(): Promise<TokenSet> {
    this.pending ??= this.obtain().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Refresh when there is a pair, log in when there is none or the refresh token is refused. */
  private async obtain(): Promise<TokenSet> {
    const current = this.tokens;
    if (current) {
      try {
        return this.keep(await this.endpoints.refresh(current.refreshToken));
      } catch (error) {
        if (httpStatus(error) !== 401) throw error;
        this.tokens = undefined;
      }
    }
    return this.keep(await this.endpoints.login());
  }

  /** Both tokens are replaced: a new pair invalidates the previous one (§1.5). */
  private keep(issued: Issued): TokenSet {
    const tokens = { accessToken: issued.body.access_token, refreshToken: issued.body.refresh_token, renewAt: renewAt(issued, this.now()) };
    this.tokens = tokens;
    return tokens;
  }
}
