"use client";
// The toolbar's ML Server menu, shown only when the notebook's kernel is on Machine Learning
// Server: save a snapshot of the session, list snapshots, publish cells as a web service, list
// web services. The dialogs live here; the panels open beside the cells (onOpenPanel).
import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { DocCell } from "@/components/notebook/types";
import { PopoverMenu } from "@/components/ui/popover-menu";
import { PublishDialog } from "./publish-dialog";
import { SaveSnapshotDialog } from "./save-snapshot-dialog";
import type { MlServerPanelRequest } from "./types";

export type MlServerMenuProps = {
  notebookId: string;
  /** The notebook's title, for the default snapshot name. */
  title: string;
  cells: DocCell[];
  selectedId: string | null;
  onOpenPanel: (request: MlServerPanelRequest) => void;
};

export function MlServerMenu({ notebookId, title, cells, selectedId, onOpenPanel }: MlServerMenuProps) {
  const trpc = useTRPC();
  const choice = useQuery(trpc.kernel.choice.queryOptions({ notebookId }));
  const [dialog, setDialog] = useState<"save" | "publish" | null>(null);
  const wrap = useRef<HTMLSpanElement>(null);
  if (choice.data?.provider !== "mlserver") return null;

  /** Closes the dialog and gives focus back to the menu button. */
  const close = () => {
    setDialog(null);
    wrap.current?.querySelector<HTMLElement>("[aria-haspopup]")?.focus();
  };
  const open = (request: MlServerPanelRequest) => {
    setDialog(null);
    onOpenPanel(request);
  };

  return (
    <span ref={wrap}>
      <PopoverMenu label="ML Server" menuLabel="ML Server" testId="mlserver-menu" title="Snapshots and web services on Machine Learning Server"
        items={[
          { key: "save", label: "Save snapshot…", hint: "Keep this session's workspace and files", testId: "mlserver-save-snapshot", onSelect: () => setDialog("save") },
          { key: "snapshots", label: "Snapshots", hint: "Start a kernel from one, or delete", testId: "mlserver-snapshots", onSelect: () => onOpenPanel({ panel: "snapshots" }) },
          { key: "publish", label: "Publish as web service…", hint: "Chosen cells as a REST API with typed inputs and outputs", testId: "mlserver-publish", onSelect: () => setDialog("publish") },
          { key: "services", label: "Web services", hint: "Swagger, call, delete", testId: "mlserver-services", onSelect: () => onOpenPanel({ panel: "services" }) },
        ]} />
      {dialog === "save" && (
        <SaveSnapshotDialog notebookId={notebookId} title={title} onClose={close} onShowSnapshots={() => open({ panel: "snapshots" })} />
      )}
      {dialog === "publish" && (
        <PublishDialog cells={cells} selectedId={selectedId} onClose={close}
          onPublished={(service) => open({ panel: "services", focus: service })} />
      )}
    </span>
  );
}
