"use client";
// The usage tab's busiest users: the top 10 by executions or by kernel-hours, as a table.
import { useState } from "react";
import type { UsageReport, UserUsage } from "@/server/admin/stats/get-usage";
import { formatCount, formatHours } from "./format-usage";
import styles from "./usage.module.css";

type Ranking = "executions" | "kernelHours";

export function BusiestUsers({ users }: { users: UsageReport["busiestUsers"] }) {
  const [ranking, setRanking] = useState<Ranking>("executions");
  const rows: UserUsage[] = ranking === "executions" ? users.byExecutions : users.byKernelHours;
  return (
    <section className={styles.chartCard} aria-labelledby="busiest-users">
      <div className={styles.tableHead}>
        <h3 id="busiest-users">Busiest users</h3>
        <div className={styles.presets} role="group" aria-label="Rank by">
          {(["executions", "kernelHours"] as const).map((r) => (
            <button key={r} type="button" className={`btn ${ranking === r ? styles.active : ""}`} aria-pressed={ranking === r} onClick={() => setRanking(r)}>
              By {r === "executions" ? "executions" : "kernel-hours"}
            </button>
          ))}
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="muted">No one used a kernel in this range.</p>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.num}>#</th>
              <th>User</th>
              <th className={`${styles.num} ${ranking === "executions" ? styles.sorted : ""}`}>Executions</th>
              <th className={`${styles.num} ${ranking === "kernelHours" ? styles.sorted : ""}`}>Kernel-hours</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((user, i) => (
              <tr key={user.userId}>
                <td className={styles.num}>{i + 1}</td>
                <td>{user.name ? `${user.name} <${user.email}>` : user.email}</td>
                <td className={styles.num}>{formatCount(user.executions)}</td>
                <td className={styles.num}>{formatHours(user.kernelHours)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
