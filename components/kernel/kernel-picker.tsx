"use client";
// The kernel picker: every configured, reachable provider's kernels, the notebook's choice
// selected; switching (after a confirmation when a kernel runs: its workspace is lost) stores the
// choice and shuts the current kernel down, so the next run starts the chosen one.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorMessage } from "@/components/notebook/client-errors";
import { kernelOptions, type KernelOption } from "./kernel-options";
import { ResourcePicker } from "./resource-picker";
import styles from "./kernel.module.css";

type Props = { notebookId: string; kernelRunning: boolean; onChanged: () => void; onError: (message: string) => void };

export function KernelPicker({ notebookId, kernelRunning, onChanged, onError }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const specs = useQuery(trpc.kernel.specs.queryOptions(undefined, { staleTime: 60_000 }));
  const choice = useQuery(trpc.kernel.choice.queryOptions({ notebookId }));
  const [confirming, setConfirming] = useState<KernelOption | null>(null);
  const choose = useMutation(trpc.kernel.choose.mutationOptions({
    onError: (e) => onError(`Changing the kernel failed: ${errorMessage(e)}`),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: trpc.kernel.choice.queryKey({ notebookId }) });
      void queryClient.invalidateQueries({ queryKey: trpc.kernel.variables.queryKey({ notebookId }) });
      onChanged();
    },
  }));
  const { options, selected } = kernelOptions(specs.data ?? [], choice.data);
  const apply = ({ provider, spec }: KernelOption, resources?: Record<string, string>) => provider && choose.mutate({ notebookId, provider, spec, resources });
  const current = options.find((o) => o.value === selected);

  const onSelect = (value: string) => {
    const option = options.find((o) => o.value === value);
    if (!option?.provider || option.disabled || value === selected) return;
    if (kernelRunning) setConfirming(option);
    else apply(option);
  };

  return (
    <>
      <select data-testid="kernel-picker" aria-label="Kernel" title="The kernel this notebook runs on" className={styles.picker}
        value={selected} disabled={specs.isPending || choice.isPending || choose.isPending} onChange={(e) => onSelect(e.target.value)}>
        {specs.isPending && <option value="">Loading kernels…</option>}
        {options.map((o) => <option key={o.value} value={o.value} disabled={o.disabled} title={o.title}>{o.label}</option>)}
      </select>
      {current?.resources && current.resources.length > 0 && (
        <ResourcePicker choices={current.resources} current={choice.data?.resources} kernelRunning={kernelRunning}
          disabled={choose.isPending} onApply={(resources) => apply(current, resources)} />
      )}
      {confirming && (
        <ConfirmDialog
          title="Switch the kernel?"
          confirmLabel={`Switch to ${confirming.label}`}
          danger
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            apply(confirming);
          }}
        >
          <p>The running kernel is shut down: its variables, loaded packages and data are lost. Cell outputs stay on the page.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
