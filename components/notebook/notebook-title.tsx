"use client";
// The notebook's title in the header: click to rename inline; Enter (or leaving the field) saves,
// Escape cancels.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { errorMessage } from "./client-errors";
import styles from "./notebook.module.css";

export function NotebookTitle({ notebookId, initialTitle }: { notebookId: string; initialTitle: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(initialTitle);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rename = useMutation(trpc.notebook.rename.mutationOptions());

  useEffect(() => {
    document.title = `${title} · Kernelbook`;
  }, [title]);

  const commit = () => {
    if (draft === null) return;
    const next = draft.trim();
    setDraft(null);
    if (!next || next === title) return;
    const previous = title;
    setTitle(next);
    setError(null);
    rename.mutate({ id: notebookId, title: next }, {
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.notebook.list.queryKey() }),
      onError: (e) => {
        setTitle(previous);
        setError(`Rename failed: ${errorMessage(e)}`);
      },
    });
  };

  if (draft !== null) {
    return (
      <input
        className={`input ${styles.titleInput}`}
        aria-label="Notebook title"
        data-testid="notebook-title-input"
        value={draft}
        maxLength={200}
        autoFocus
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
          if (e.key === "Escape") setDraft(null);
        }}
      />
    );
  }
  return (
    <h1 className={styles.title}>
      <button
        type="button"
        className={styles.titleButton}
        data-testid="notebook-title"
        title={`${title}\n(click to rename)`}
        onClick={() => setDraft(title)}
      >
        {title}
      </button>
      {error && <span className={`error-text ${styles.titleError}`} role="alert">{error}</span>}
    </h1>
  );
}
