"use client";
// Banners above the cells: the save conflict (with Reload), run and kernel errors, a lost stream.
import type { ReactNode } from "react";
import styles from "./notebook.module.css";

type Props = { tone: "danger" | "warning" | "info"; children: ReactNode; action?: ReactNode; testId?: string; onDismiss?: () => void };

export function NoticeBanner({ tone, children, action, testId, onDismiss }: Props) {
  return (
    <div className={`${styles.banner} ${styles[`banner-${tone}`]}`} role={tone === "info" ? "status" : "alert"} data-testid={testId}>
      <div className={styles.bannerText}>{children}</div>
      {action}
      {onDismiss && (
        <button type="button" className="btn btn-ghost" aria-label="Dismiss" onClick={onDismiss}>✕</button>
      )}
    </div>
  );
}

export function ConflictBanner({ onReload, reloading }: { onReload: () => void; reloading: boolean }) {
  return (
    <NoticeBanner
      tone="danger"
      testId="conflict-banner"
      action={<button type="button" className="btn btn-primary" onClick={onReload} disabled={reloading}>{reloading ? "Reloading…" : "Reload"}</button>}
    >
      <strong>This notebook was changed in another tab or window.</strong> Autosave has stopped so nothing is overwritten;
      your text stays on this page. Copy anything you want to keep, then reload to get the latest version.
    </NoticeBanner>
  );
}
