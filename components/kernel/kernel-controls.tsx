"use client";
// Interrupt, Restart (after a confirmation: it clears the workspace) and Shut down for the
// notebook's kernel; each refreshes the kernel badge when done.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorMessage } from "@/components/notebook/client-errors";
import { Icon } from "@/components/notebook/icons";
import styles from "./kernel.module.css";

type Props = { notebookId: string; onChanged: () => void; onError: (message: string) => void };

export function KernelControls({ notebookId, onChanged, onError }: Props) {
  const trpc = useTRPC();
  const [confirmRestart, setConfirmRestart] = useState(false);
  const handlers = (action: string) => ({
    onError: (e: unknown) => onError(`${action} failed: ${errorMessage(e)}`),
    onSettled: onChanged,
  });
  const interrupt = useMutation(trpc.kernel.interrupt.mutationOptions(handlers("Interrupt")));
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
