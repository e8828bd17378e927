"use client";
// The admin dashboard's Health tab: each kernel provider, the database and Blob storage (reachable,
// latency, version), and dataset storage per user against the quota.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc-provider";
import { ServiceTable } from "./service-table";
import { StorageTable } from "./storage-table";
import styles from "./health.module.css";

export function HealthPanel() {
  const trpc = useTRPC();
  const health = useQuery(trpc.adminStats.health.queryOptions(undefined, { staleTime: 0 }));
  const storage = useQuery(trpc.adminStats.storage.queryOptions());
  const refresh = () => { void health.refetch(); void storage.refetch(); };
  const busy = health.isFetching || storage.isFetching;

  return (
    <div className={styles.panel} data-testid="admin-health">
      <section className={styles.section} aria-labelledby="health-services">
        <div className={styles.head}>
          <h3 id="health-services">Services</h3>
          {health.data && <span className={`muted ${styles.note}`}>Checked {health.data.checkedAt.toLocaleTimeString()}</span>}
          <button type="button" className="btn" onClick={refresh} disabled={busy}>{busy ? "Checking…" : "Check again"}</button>
        </div>
        {health.isError && <p className="error-text" role="alert">Could not check health: {health.error.message}</p>}
        {health.isPending && <p className="muted">Checking each service (up to 5 s)…</p>}
        {health.data && <ServiceTable checks={health.data.checks} />}
      </section>
      <section className={styles.section} aria-labelledby="health-storage">
        <div className={styles.head}>
          <h3 id="health-storage">Dataset storage per user</h3>
        </div>
        {storage.isError && <p className="error-text" role="alert">Could not load storage: {storage.error.message}</p>}
        {storage.isPending && <p className="muted">Loading storage…</p>}
        {storage.data && <StorageTable usage={storage.data} />}
      </section>
    </div>
  );
}
