"use client";
// The Web services panel: the ML Server web services the user published (or may call), each with
// its swagger, a call form and Delete (after a confirmation); a just-published one is in view.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { errorMessage } from "@/components/notebook/client-errors";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import panel from "@/components/ui/side-panel.module.css";
import { ServiceRow } from "./service-row";
import type { ServiceData } from "./types";
import styles from "./mlserver.module.css";

type Props = { focus?: { name: string; version: string }; onClose: () => void };

export function ServicesPanel({ focus, onClose }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const services = useQuery(trpc.mlserver.services.queryOptions(undefined, { retry: false, staleTime: 0 }));
  const [confirming, setConfirming] = useState<ServiceData | null>(null);
  const remove = useMutation(trpc.mlserver.deleteService.mutationOptions({
    onSettled: () => void queryClient.invalidateQueries({ queryKey: trpc.mlserver.services.queryKey() }),
  }));
  const isFocused = (s: ServiceData) => focus?.name === s.name && focus.version === s.version;

  return (
    <aside className={`${panel.panel} ${styles.panelWide}`} aria-label="Web services" data-testid="services-panel">
      <div className={panel.head}>
        <h2 className={panel.heading}>Web services</h2>
        <button type="button" className="btn" title="List the web services again" disabled={services.isFetching} onClick={() => void services.refetch()}>
          {services.isFetching ? "Refreshing…" : "Refresh"}
        </button>
        <button type="button" className="btn btn-ghost" aria-label="Close web services" title="Close" onClick={onClose}>✕</button>
      </div>
      {focus && services.data?.some(isFocused) && (
        <p className={`${panel.note} ${styles.success}`} role="status" data-testid="service-published">
          Published {focus.name} v{focus.version}: call it below, or from any client with its swagger.
        </p>
      )}
      {remove.isError && <p className={`${panel.note} error-text`} role="alert" data-testid="services-action-error">{errorMessage(remove.error)}</p>}
      {services.isPending ? (
        <p className={`muted ${panel.note}`} data-testid="services-loading">Loading web services…</p>
      ) : services.isError ? (
        <p className={`${panel.note} error-text`} role="alert" data-testid="services-error">Web services could not be listed: {errorMessage(services.error)}</p>
      ) : services.data.length === 0 ? (
        <p className={`muted ${styles.empty}`} data-testid="services-empty">
          No web services yet: Publish as web service turns chosen cells into a REST API with typed inputs and outputs
        </p>
      ) : (
        <ul className={styles.list}>
          {services.data.map((s) => (
            <ServiceRow key={`${s.name}/${s.version}`} service={s} focused={isFocused(s)}
              deleting={remove.isPending && remove.variables?.name === s.name && remove.variables.version === s.version}
              onDelete={() => setConfirming(s)} />
          ))}
        </ul>
      )}
      {confirming && (
        <ConfirmDialog title="Delete this web service?" confirmLabel="Delete service" danger onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            remove.mutate({ name: confirming.name, version: confirming.version });
          }}>
          <p>{confirming.name} v{confirming.version} is deleted from ML Server: clients calling it get an error from now on.</p>
        </ConfirmDialog>
      )}
    </aside>
  );
}
