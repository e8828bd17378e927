"use client";
// The help panel (Shift+Tab in an R cell): the kernel's help for the name at the cursor, as text.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { HelpRequest } from "@/components/notebook/use-editor-assist";
import panel from "@/components/ui/side-panel.module.css";
import styles from "./kernel.module.css";

type Props = { notebookId: string; request: HelpRequest; onClose: () => void };

export function HelpPanel({ notebookId, request, onClose }: Props) {
  const trpc = useTRPC();
  const query = useQuery(trpc.kernel.inspect.queryOptions(
    { notebookId, code: request.code, cursor: request.cursor },
    { staleTime: 0, retry: false },
  ));
  const help = query.data?.found ? query.data.text : null;
  return (
    <aside className={`${panel.panel} ${styles.helpPanel}`} aria-label="Help" data-testid="help-panel">
      <div className={panel.head}>
        <h2 className={panel.heading}>Help</h2>
        <button type="button" className="btn btn-ghost" aria-label="Close help" title="Close" onClick={onClose}>✕</button>
      </div>
      {query.isPending && <p className={`muted ${panel.note}`} role="status">Looking up help…</p>}
      {help !== null && <pre className={styles.helpText} data-testid="help-text">{help}</pre>}
      {(query.isError || (query.isSuccess && help === null)) && (
        <p className={`muted ${panel.note}`}>
          No help for the name at the cursor. Help comes from the notebook&apos;s kernel: run a cell to start it, and ask again once it is idle.
        </p>
      )}
    </aside>
  );
}
