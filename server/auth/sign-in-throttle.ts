// Brute-force protection for sign-in: too many failures for one email, or from one address, within
// a window lock that email (or address) for a while. Pure rules here; attempts live in SignInAttempt.
export type ThrottleRule = { limit: number; windowMs: number; lockMs: number };

const MINUTE = 60_000;
/** 5 failures for one email within 15 minutes lock that email for 15 minutes. */
export const EMAIL_RULE: ThrottleRule = { limit: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
/** 20 failures from one address within 15 minutes lock that address for 15 minutes. */
export const IP_RULE: ThrottleRule = { limit: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

/** How far back failures can still matter to a lock that is in force now. */
export const lookbackMs = (rule: ThrottleRule) => rule.windowMs + rule.lockMs;

/**
 * When the lock ends, or null when not locked. `failures` are the failure times (any order); a lock
 * starts at the latest failure that completed `limit` failures within `windowMs`.
 */
export function lockedUntil(failures: Date[], rule: ThrottleRule, now: Date): Date | null {
  const times = failures.map((d) => d.getTime()).sort((a, b) => a - b);
  let trippedAt: number | null = null;
  for (let i = rule.limit - 1; i < times.length; i++) {
    if (times[i] - times[i - rule.limit + 1] <= rule.windowMs) trippedAt = times[i];
  }
  if (trippedAt === null) return null;
  const until = trippedAt + rule.lockMs;
  return until > now.getTime() ? new Date(until) : null;
}

/** "Too many failed sign-ins: try again in N minutes." (N rounded up, at least 1). */
export function throttleMessage(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / MINUTE));
  return `Too many failed sign-ins: try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** The caller's address from the proxy headers next-auth hands to authorize (first hop of x-forwarded-for). */
export function clientIp(headers: Record<string, unknown> | undefined): string | null {
  const header = (name: string) => {
    const value = headers?.[name];
    return typeof value === "string" ? value : Array.isArray(value) && typeof value[0] === "string" ? value[0] : null;
  };
  const forwarded = header("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || header("x-real-ip")?.trim() || null;
}
