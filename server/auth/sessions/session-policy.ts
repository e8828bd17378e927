// How long a sign-in lasts, and whether one stored session still admits its cookie: a pure rule,
// so the checks on every request and their unit tests read the same thing.
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 14 * 24 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often: one small write per session every few minutes, not per request. */
export const SESSION_SEEN_RESOLUTION_MS = 5 * 60 * 1000;

export type SessionState = "active" | "revoked" | "expired" | "idle" | "disabled";

export type StoredSession = { revokedAt: Date | null; expiresAt: Date; lastSeenAt: Date; user: { disabled: boolean } };

export function sessionState(row: StoredSession, now: Date): SessionState {
  if (row.revokedAt) return "revoked";
  if (row.user.disabled) return "disabled";
  if (row.expiresAt.getTime() <= now.getTime()) return "expired";
  if (row.lastSeenAt.getTime() + SESSION_IDLE_MS <= now.getTime()) return "idle";
  return "active";
}

export function needsTouch(row: { lastSeenAt: Date }, now: Date): boolean {
  return now.getTime() - row.lastSeenAt.getTime() >= SESSION_SEEN_RESOLUTION_MS;
}

export type RevokeReason = "sign_out" | "signed_out_remotely" | "sign_out_everywhere" | "password_change" | "password_reset" | "disabled";
