// Whether a link still opens: revoked wins over expired; expiry is checked against the caller's clock.
import type { ShareLinkState } from "./contract";

export function shareLinkState(link: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): ShareLinkState {
  if (link.revokedAt) return "revoked";
  if (link.expiresAt && link.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}
