"use client";
// Plain fields of the publish dialog: the service's name, version and description, and the
// optional snapshot (listed from ML Server) whose workspace each call starts from.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc-provider";
import { errorMessage } from "@/components/notebook/client-errors";
import styles from "./mlserver.module.css";

export type ServiceFieldValues = { name: string; version: string; description: string };

type FieldsProps = { values: ServiceFieldValues; disabled: boolean; onChange: (patch: Partial<ServiceFieldValues>) => void };

export function ServiceFields({ values, disabled, onChange }: FieldsProps) {
  return (
    <>
      <div className={styles.row2}>
        <label className={styles.field}>
          <span>Service name</span>
          <input className="input" data-testid="publish-name" value={values.name} placeholder="e.g. mpg-predictor" maxLength={100} autoFocus
            spellCheck={false} disabled={disabled} onChange={(e) => onChange({ name: e.target.value })} />
        </label>
        <label className={styles.field}>
          <span>Version</span>
          <input className="input" data-testid="publish-version" value={values.version} maxLength={50} spellCheck={false} disabled={disabled}
            onChange={(e) => onChange({ version: e.target.value })} />
        </label>
      </div>
      <label className={styles.field}>
        <span>Description</span>
        <textarea className="input" data-testid="publish-description" rows={2} value={values.description} maxLength={2000} disabled={disabled}
          placeholder="What the service computes, for whoever calls it" onChange={(e) => onChange({ description: e.target.value })} />
      </label>
    </>
  );
}

type SnapshotProps = { value: string; disabled: boolean; onChange: (snapshotId: string) => void };

export function SnapshotSelect({ value, disabled, onChange }: SnapshotProps) {
  const trpc = useTRPC();
  const snapshots = useQuery(trpc.mlserver.snapshots.queryOptions(undefined, { retry: false }));
  return (
    <label className={styles.field}>
      <span>Start from a snapshot (optional)</span>
      <select className={styles.select} data-testid="publish-snapshot" value={value} disabled={disabled || snapshots.isPending}
        onChange={(e) => onChange(e.target.value)}>
        <option value="">{snapshots.isPending ? "Loading snapshots…" : "None: an empty workspace"}</option>
        {(snapshots.data ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
      </select>
      {snapshots.isError && <span className={`error-text ${styles.hint}`}>Snapshots could not be listed: {errorMessage(snapshots.error)}</span>}
      <span className={`muted ${styles.hint}`}>Its workspace (a fitted model, helper functions) is there when each call runs.</span>
    </label>
  );
}
