"use client";
// The health tab's dataset storage: the top users by bytes, each against the per-user quota.
import type { StorageUsage } from "@/server/admin/stats/get-storage-usage";
import { formatBytes } from "@/components/variables/format-bytes";
import styles from "./health.module.css";

export function StorageTable({ usage }: { usage: StorageUsage }) {
  const { quotaBytes, totals, users } = usage;
  return (
    <>
      <p className={`muted ${styles.note}`}>
        {totals.datasets.toLocaleString("en-US")} datasets, {formatBytes(totals.bytes)} in all, held by {totals.users.toLocaleString("en-US")} users.
        Quota: {formatBytes(quotaBytes)} per user (uploads in progress count).
      </p>
      {users.length === 0 ? (
        <p className="muted">No datasets yet.</p>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr><th>User</th><th className={styles.num}>Datasets</th><th className={styles.num}>Used</th><th>Of quota</th></tr>
          </thead>
          <tbody>
            {users.map((user) => {
              const percent = quotaBytes > 0 ? Math.min(100, (user.bytes / quotaBytes) * 100) : 0;
              return (
                <tr key={user.userId}>
                  <td>{user.name ? `${user.name} <${user.email}>` : user.email}</td>
                  <td className={styles.num}>{user.datasets.toLocaleString("en-US")}</td>
                  <td className={styles.num}>{formatBytes(user.bytes)}</td>
                  <td className={styles.num}>
                    {Math.round(percent)}%
                    <span className={`${styles.bar} ${percent >= 90 ? styles.barFull : ""}`} role="meter" aria-label={`Quota used by ${user.email}`}
                      aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(percent)}>
                      <span className={styles.barFill} style={{ display: "block", width: `${percent}%` }} />
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
