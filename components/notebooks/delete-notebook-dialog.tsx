"use client";
// Confirms a notebook's deletion, saying how many of its share links stop working with it.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc-provider";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

type Props = { notebook: { id: string; title: string }; onConfirm: () => void; onCancel: () => void };

export function DeleteNotebookDialog({ notebook, onConfirm, onCancel }: Props) {
  const trpc = useTRPC();
  const links = useQuery(trpc.share.list.queryOptions({ notebookId: notebook.id }));
  const live = links.data?.filter((l) => l.state === "active").length ?? 0;
  return (
    <ConfirmDialog title="Delete notebook?" confirmLabel="Delete" danger onCancel={onCancel} onConfirm={onConfirm}>
      “{notebook.title}” and its whole run history will be deleted. This cannot be undone.
      {live > 0 && (
        <p data-testid="delete-revokes-links">
          Its {live === 1 ? "shared link stops" : `${live} shared links stop`} working: anyone who has {live === 1 ? "it" : "them"} will see “not found”.
        </p>
      )}
    </ConfirmDialog>
  );
}
