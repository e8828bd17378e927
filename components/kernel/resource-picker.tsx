"use client";
// The resources a kernel starts with (CPU cores, memory, GPU), for specs that offer a choice:
// a summary button ("2 CPU · 4 GiB") opening a dialog of one select per resource. Applying a
// change restarts the kernel, and the dialog says so when one is running.
import { useState } from "react";
import type { ResourceChoice } from "@/server/kernels/types";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import styles from "./kernel.module.css";

type Props = {
  choices: ResourceChoice[];
  /** The notebook's stored values (null: every default). */
  current: Record<string, string> | null | undefined;
  kernelRunning: boolean;
  disabled: boolean;
  onApply: (resources: Record<string, string>) => void;
};

export function resolvedResources(choices: ResourceChoice[], current: Record<string, string> | null | undefined): Record<string, string> {
  return Object.fromEntries(choices.map((c) => [c.key, c.options.some((o) => o.value === current?.[c.key]) ? current![c.key]! : c.default]));
}

export function resourceSummary(choices: ResourceChoice[], values: Record<string, string>): string {
  return choices.map((c) => `${c.label}: ${c.options.find((o) => o.value === values[c.key])?.label ?? values[c.key]}`).join(" · ");
}

export function ResourcePicker({ choices, current, kernelRunning, disabled, onApply }: Props) {
  const [draft, setDraft] = useState<Record<string, string> | null>(null);
  const values = resolvedResources(choices, current);
  const open = () => setDraft(values);
  const apply = () => {
    if (draft && JSON.stringify(draft) !== JSON.stringify(values)) onApply(draft);
    setDraft(null);
  };
  return (
    <>
      <button type="button" className={`btn btn-ghost ${styles.resources}`} data-testid="kernel-resources" disabled={disabled} onClick={open}
        title="Resources the kernel starts with">
        {resourceSummary(choices, values)}
      </button>
      {draft && (
        <ConfirmDialog title="Kernel resources" confirmLabel={kernelRunning ? "Apply and restart" : "Apply"} danger={kernelRunning}
          onCancel={() => setDraft(null)} onConfirm={apply}>
          <div className={styles.resourceForm}>
            {choices.map((c) => (
              <label key={c.key}>
                <span>{c.label}</span>
                <select data-testid={`resource-${c.key}`} className={styles.picker} value={draft[c.key]}
                  onChange={(e) => setDraft({ ...draft, [c.key]: e.target.value })}>
                  {c.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                </select>
              </label>
            ))}
          </div>
          {kernelRunning && <p className="muted">The running kernel is shut down and its variables are lost; the next run starts one with these resources.</p>}
        </ConfirmDialog>
      )}
    </>
  );
}
