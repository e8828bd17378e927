"use client";
// How much of the user's dataset quota is used (uploads in progress count), as a bar and in words.
import { formatBytes } from "@/components/variables/format-bytes";
import { percentDone } from "./format-upload";
import styles from "./datasets.module.css";

export function UsageBar({ usedBytes, quotaBytes }: { usedBytes: number; quotaBytes: number }) {
  const percent = percentDone(usedBytes, quotaBytes);
  return (
    <div className={styles.usage} data-testid="dataset-usage">
      <span>{formatBytes(usedBytes)} of {formatBytes(quotaBytes)} used</span>
      <div className={`${styles.bar} ${percent >= 90 ? styles.barFull : ""}`} role="meter" aria-label="Storage used"
        aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div className={styles.barFill} style={{ width: `${Math.max(percent, usedBytes > 0 ? 1 : 0)}%` }} />
      </div>
    </div>
  );
}
