"use client";
// The user's notebooks: create, import (button or drop: .ipynb, .Rmd, .qmd, .nb.html), open, rename, delete (with confirmation); a clear empty state.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { DeleteNotebookDialog } from "./delete-notebook-dialog";
import { ImportNotebookButton } from "./import-notebook-button";
import { NotebookDropZone } from "./notebook-drop-zone";
import { NewFromExampleMenu } from "./new-from-example-menu";
import styles from "./notebook-list.module.css";

type Row = { id: string; title: string; updatedAt: Date; cellCount: number; provider: string };

export function NotebookList() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.notebook.list.queryOptions());
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.notebook.list.queryKey() });
  const create = useMutation(trpc.notebook.create.mutationOptions({ onSuccess: (nb) => router.push(`/notebooks/${nb.id}`) }));
  const remove = useMutation(trpc.notebook.delete.mutationOptions({ onSuccess: invalidate }));
  const [deleting, setDeleting] = useState<Row | null>(null);
  const [importError, setImportError] = useState<string | null>(null);

  return (
    <main className="page">
      <div className={styles.head}>
        <h1>Notebooks</h1>
        <ImportNotebookButton onError={setImportError} />
        <NewFromExampleMenu onError={setImportError} />
        <button type="button" className="btn btn-primary" onClick={() => create.mutate({})} disabled={create.isPending}>
          + New notebook
        </button>
      </div>
      {importError && <p className="error-text" role="alert" data-testid="import-error">{importError}</p>}
      <NotebookDropZone onError={setImportError}>
        {list.isPending && <p className="muted">Loading notebooks…</p>}
        {list.isError && <p className="error-text" role="alert">Could not load notebooks: {list.error.message}</p>}
        {list.data && list.data.length === 0 && (
          <div className="empty-state" data-testid="notebooks-empty">
            <h2>No notebooks yet</h2>
            <p className="muted">A notebook holds R code cells, their output and plots, and markdown notes.</p>
            <button type="button" className="btn btn-primary" onClick={() => create.mutate({})}>Create your first notebook</button>
          </div>
        )}
        {list.data && list.data.length > 0 && (
          <ul className={styles.list} data-testid="notebook-list">
            {list.data.map((nb) => (
              <NotebookRow key={nb.id} notebook={nb} onRenamed={invalidate} onDelete={() => setDeleting(nb)} />
            ))}
          </ul>
        )}
      </NotebookDropZone>
      {deleting && (
        <DeleteNotebookDialog
          notebook={deleting}
          onCancel={() => setDeleting(null)}
          onConfirm={() => { remove.mutate({ id: deleting.id }); setDeleting(null); }}
        />
      )}
    </main>
  );
}

function NotebookRow({ notebook, onRenamed, onDelete }: { notebook: Row; onRenamed: () => void; onDelete: () => void }) {
  const trpc = useTRPC();
  const [editing, setEditing] = useState(false);
  const rename = useMutation(trpc.notebook.rename.mutationOptions({ onSuccess: () => { setEditing(false); onRenamed(); } }));
  return (
    <li className={styles.row} data-testid="notebook-row">
      {editing ? (
        <form className={styles.renameInput} onSubmit={(e) => { e.preventDefault(); rename.mutate({ id: notebook.id, title: String(new FormData(e.currentTarget).get("title")) }); }}>
          <input name="title" aria-label="Notebook title" defaultValue={notebook.title} className="input" autoFocus onKeyDown={(e) => e.key === "Escape" && setEditing(false)} />
          {rename.isError && <span className="error-text">{rename.error.message}</span>}
        </form>
      ) : (
        <Link className={styles.title} href={`/notebooks/${notebook.id}`}>{notebook.title}</Link>
      )}
      <span className={styles.meta}>{notebook.cellCount} cells · {notebook.provider} · edited {notebook.updatedAt.toLocaleString()}</span>
      <button type="button" className="btn btn-ghost" onClick={() => setEditing(true)} aria-label={`Rename ${notebook.title}`}>Rename</button>
      <button type="button" className="btn btn-ghost btn-danger" onClick={onDelete} aria-label={`Delete ${notebook.title}`}>Delete</button>
    </li>
  );
}
