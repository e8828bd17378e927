// Brute-force protection for sign-in: too many failures for one email from one address, or from one
// address in all, within a window lock that email at that address (or the address) for a while. Pure rules here; attempts live in SignInAttempt.
export type ThrottleRule = { limit: number; windowMs: number; lockMs: number };

const MINUTE = 60_000;
/** 5 failures for one email from one address within 15 minutes lock that pair for 15 minutes. */
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
