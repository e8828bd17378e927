"use client";
// Hosts the ML Server side panel the menu opened (snapshots or web services) beside the cells;
// nothing once the notebook's kernel is no longer on ML Server.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { KernelStateData } from "@/components/notebook/types";
import { ServicesPanel } from "./services-panel";
import { SnapshotsPanel } from "./snapshots-panel";
import type { MlServerPanelRequest } from "./types";

type Props = {
  notebookId: string;
  request: MlServerPanelRequest;
  kernel: KernelStateData | undefined;
  onKernelChanged: () => void;
  onClose: () => void;
};

export function MlServerPanels({ notebookId, request, kernel, onKernelChanged, onClose }: Props) {
  const trpc = useTRPC();
  const choice = useQuery(trpc.kernel.choice.queryOptions({ notebookId }));
  if (choice.data?.provider !== "mlserver") return null;
  return request.panel === "snapshots"
    ? <SnapshotsPanel notebookId={notebookId} kernel={kernel} onKernelChanged={onKernelChanged} onClose={onClose} />
    : <ServicesPanel key={request.focus ? `${request.focus.name}/${request.focus.version}` : "all"} focus={request.focus} onClose={onClose} />;
}
