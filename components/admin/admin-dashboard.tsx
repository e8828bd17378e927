"use client";
// The admin dashboard: one tab at a time (Users, Kernels, Usage, Health, Audit), kept in the URL's ?tab=.
import { useState } from "react";
import { HealthPanel } from "./health/health-panel";
import { UsagePanel } from "./usage/usage-panel";
import { ADMIN_TABS, TAB_LABELS, type AdminTab } from "./admin-tabs";
import { AuditTab } from "./audit-tab";
import { KernelsTab } from "./kernels-tab";
import { UsersTab } from "./users-tab";
import styles from "./admin.module.css";


export function AdminDashboard({ initialTab, selfId }: { initialTab: AdminTab; selfId: string }) {
  const [tab, setTab] = useState<AdminTab>(initialTab);
  const choose = (next: AdminTab) => {
    setTab(next);
    window.history.replaceState(null, "", `/admin?tab=${next}`);
  };
  return (
    <>
      <div className={styles.tabs} role="tablist" aria-label="Admin sections">
        {ADMIN_TABS.map((t) => (
          <button key={t} type="button" role="tab" id={`admin-tab-${t}`} aria-selected={tab === t} aria-controls="admin-panel"
            className={styles.tab} data-testid={`admin-tab-${t}`} onClick={() => choose(t)}>
            {TAB_LABELS[t]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="admin-panel" aria-labelledby={`admin-tab-${tab}`}>
        <Panel tab={tab} selfId={selfId} />
      </div>
    </>
  );
}

function Panel({ tab, selfId }: { tab: AdminTab; selfId: string }) {
  switch (tab) {
    case "users": return <UsersTab selfId={selfId} />;
    case "kernels": return <KernelsTab />;
    case "usage": return <UsagePanel />;
    case "health": return <HealthPanel />;
    case "audit": return <AuditTab />;
    default: {
      const unreachable: never = tab;
      return unreachable;
    }
  }
}
