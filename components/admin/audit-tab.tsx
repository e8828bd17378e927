"use client";
// The Audit tab: the audit log newest first, filtered by action, actor (or email tried) and date range.
import { useDeferredValue, useState } from "react";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc-provider";
import { errorMessage } from "@/components/notebook/client-errors";
import { dayBound, formatDateTime } from "./format-admin";
import styles from "./admin.module.css";

export function AuditTab() {
  const trpc = useTRPC();
  const [action, setAction] = useState("");
  const [actor, setActor] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const deferredActor = useDeferredValue(actor.trim());
  const actions = useQuery(trpc.admin.auditActions.queryOptions());
  const filters = { action: action || undefined, actor: deferredActor || undefined, from: dayBound(from, "start"), to: dayBound(to, "end"), limit: 50 };
  const log = useInfiniteQuery({
    ...trpc.admin.audit.infiniteQueryOptions(filters, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
    placeholderData: keepPreviousData,
  });
  const rows = log.data?.pages.flatMap((p) => p.rows) ?? [];

  return (
    <section data-testid="admin-audit">
      <div className={styles.toolbar}>
        <label>Action
          <select className="input" value={action} onChange={(e) => setAction(e.target.value)} data-testid="audit-action">
            <option value="">All actions</option>
            {actions.data?.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </label>
        <label>Actor
          <input className="input" type="search" placeholder="Email" value={actor} onChange={(e) => setActor(e.target.value)} data-testid="audit-actor" />
        </label>
        <label>From<input className="input" type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="audit-from" /></label>
        <label>To<input className="input" type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="audit-to" /></label>
      </div>
      {log.isError && <p className="error-text" role="alert">The audit log could not be loaded: {errorMessage(log.error)}</p>}
      {log.isPending ? <p className="muted">Loading the audit log…</p> : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead><tr><th>When</th><th>Action</th><th>Actor</th><th>Target</th><th>Details</th><th>Address</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="audit-row">
                  <td>{formatDateTime(r.createdAt)}</td>
                  <td className={styles.mono}>{r.action}</td>
                  <td>{r.actorEmail ?? <span className="muted">—</span>}</td>
                  <td>{r.target ?? <span className="muted">—</span>}</td>
                  <td className={`${styles.mono} ${styles.wrap}`}>{r.detail ? JSON.stringify(r.detail) : ""}</td>
                  <td className={styles.mono}>{r.ip ?? ""}</td>
                </tr>
              ))}
              {rows.length === 0 && <tr><td colSpan={6} className="muted">No audit event matches these filters.</td></tr>}
            </tbody>
          </table>
        </div>
      )}
      {log.hasNextPage && (
        <button type="button" className={`btn ${styles.more}`} disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
          {log.isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      )}
    </section>
  );
}
