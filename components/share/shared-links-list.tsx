"use client";
// The owner's links of one notebook: when made, when they expire, how often they were opened, and
// Revoke for the ones that still open. The links themselves are not shown: only their hash is kept.
import type { ShareLinkSummary } from "@/server/sharing/contract";
import { formatUtc } from "./format-utc";
import styles from "./share.module.css";

type Props = { links: ShareLinkSummary[]; revokingId: string | undefined; onRevoke: (id: string) => void };


export function SharedLinksList({ links, revokingId, onRevoke }: Props) {
  if (links.length === 0) return <p className="muted" data-testid="shared-links-empty">No links yet.</p>;
  return (
    <ul className={styles.links} data-testid="shared-links">
      {links.map((link) => (
        <li key={link.id} className={styles.link} data-testid="shared-link" data-state={link.state}>
          <span>
            Created {formatUtc(link.createdAt)}
            <span className={`badge ${styles.state}`}>{link.state}</span>
          </span>
          <span className={styles.linkMeta}>
            {link.expiresAt ? `${link.state === "expired" ? "expired" : "expires"} ${formatUtc(link.expiresAt)}` : "never expires"}
            {" · "}
            <span data-testid="shared-link-views">{link.views} {link.views === 1 ? "view" : "views"}</span>
            {link.lastViewedAt && ` · last opened ${formatUtc(link.lastViewedAt)}`}
          </span>
          {link.state === "active" && (
            <button type="button" className={`btn btn-danger ${styles.linkAction}`} data-testid="shared-link-revoke"
              disabled={revokingId === link.id} onClick={() => onRevoke(link.id)}>
              {revokingId === link.id ? "Revoking…" : "Revoke"}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
