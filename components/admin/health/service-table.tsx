"use client";
// The health tab's services: kernel providers, database and Blob storage, one row each.
import type { HealthCheck, HealthState } from "@/server/admin/stats/health-check";
import styles from "./health.module.css";

const STATE_LABELS: Record<HealthState, string> = {
  reachable: "Reachable",
  unreachable: "Unreachable",
  "needs-user-login": "Needs users' own logins",
  "not-configured": "Not configured",
};
const KIND_LABELS: Record<HealthCheck["kind"], string> = { provider: "Kernel provider", database: "Database", storage: "Storage" };

export function ServiceTable({ checks }: { checks: HealthCheck[] }) {
  return (
    <table className={styles.table}>
      <thead>
        <tr><th>Service</th><th>State</th><th className={styles.num}>Latency</th><th>Version</th><th>Details</th></tr>
      </thead>
      <tbody>
        {checks.map((check) => (
          <tr key={check.id} data-testid={`health-${check.id}`}>
            <td>{check.name}<div className={`muted ${styles.note}`}>{KIND_LABELS[check.kind]}</div></td>
            <td className={`${styles.state} ${styles[`state-${check.state}`] ?? ""}`}>
              <span className={`dot ${styles.dot ?? ""}`} aria-hidden /> {STATE_LABELS[check.state]}
            </td>
            <td className={styles.num}>{check.latencyMs === null ? "—" : formatLatency(check.latencyMs)}</td>
            <td>{check.version ?? <span className="muted">—</span>}</td>
            <td className={styles.detail}>{check.detail ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function formatLatency(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms).toLocaleString("en-US")} ms`;
}
