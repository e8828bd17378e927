"use client";
// Interrupt, Restart (after a confirmation: it clears the workspace) and Shut down for the
// notebook's kernel; each refreshes the kernel badge when done. When an interrupt has not stopped
// the run a few seconds later (best effort on some kernels, e.g. Backend.AI), Restart is offered.
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorMessage } from "@/components/notebook/client-errors";
import { Icon } from "@/components/notebook/icons";
import { useKernelState } from "./use-kernel-state";
import styles from "./kernel.module.css";

/** How long a run may go on after an interrupt before Restart is offered. */
const INTERRUPT_GRACE_MS = 5_000;

type Props = { notebookId: string; onChanged: () => void; onError: (message: string) => void };

export function KernelControls({ notebookId, onChanged, onError }: Props) {
  const trpc = useTRPC();
  const [confirmRestart, setConfirmRestart] = useState(false);
  const handlers = (action: string) => ({
    onError: (e: unknown) => onError(`${action} failed: ${errorMessage(e)}`),
    onSettled: onChanged,
  });
  const [interruptedAt, setInterruptedAt] = useState<number | null>(null);
  const interrupt = useMutation(trpc.kernel.interrupt.mutationOptions({ ...handlers("Interrupt"), onSuccess: () => setInterruptedAt(Date.now()) }));
  const stuck = useStuckAfterInterrupt(notebookId, interruptedAt, () => setInterruptedAt(null));
  const restart = useMutation(trpc.kernel.restart.mutationOptions(handlers("Restart")));
  const shutdown = useMutation(trpc.kernel.shutdown.mutationOptions(handlers("Shut down")));
  const input = { notebookId };

  return (
    <span className={styles.controls}>
      <button type="button" className="btn" aria-label="Interrupt" title="Interrupt the running cell and drop the queued ones"
        disabled={interrupt.isPending} onClick={() => interrupt.mutate(input)}>
        <Icon name="stop" /> Interrupt
      </button>
      <button type="button" className="btn" aria-label="Restart" title="Restart the kernel (clears the workspace)"
        disabled={restart.isPending} onClick={() => setConfirmRestart(true)}>
        <Icon name="restart" /> {restart.isPending ? "Restarting…" : "Restart"}
      </button>
      <button type="button" className="btn" aria-label="Shut down" title="Shut the kernel down"
        disabled={shutdown.isPending} onClick={() => shutdown.mutate(input)}>
        <Icon name="power" /> Shut down
      </button>
      {stuck && (
        <span className={styles.stuck} role="alert" data-testid="interrupt-stuck">
          Still running: interrupt is best effort on this kernel.
          <button type="button" className="btn btn-danger" onClick={() => { setInterruptedAt(null); setConfirmRestart(true); }}>Restart kernel</button>
          <button type="button" className="btn btn-danger" title="End the session on the server (forced if it does not close)"
            onClick={() => { setInterruptedAt(null); shutdown.mutate(input); }}>Force close</button>
        </span>
      )}
      {confirmRestart && (
        <ConfirmDialog
          title="Restart the kernel?"
          confirmLabel="Restart kernel"
          danger
          onCancel={() => setConfirmRestart(false)}
          onConfirm={() => {
            setConfirmRestart(false);
            restart.mutate(input);
          }}
        >
          <p>All variables, loaded packages and data in the R workspace are lost. Cell outputs stay on the page.</p>
        </ConfirmDialog>
      )}
    </span>
  );
}

/** True once the kernel is still busy INTERRUPT_GRACE_MS after an interrupt; `done` when it is not. */
function useStuckAfterInterrupt(notebookId: string, interruptedAt: number | null, done: () => void): boolean {
  const kernel = useKernelState(notebookId);
  const [graceOver, setGraceOver] = useState(false);
  useEffect(() => {
    setGraceOver(false);
    if (interruptedAt === null) return;
    const timer = setTimeout(() => setGraceOver(true), Math.max(0, interruptedAt + INTERRUPT_GRACE_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [interruptedAt]);
  const busy = kernel.data?.status === "busy";
  useEffect(() => {
    if (interruptedAt !== null && kernel.data && !busy && kernel.data.queued === 0) done();
  }, [interruptedAt, busy, kernel.data, done]);
  return interruptedAt !== null && graceOver && busy;
}
