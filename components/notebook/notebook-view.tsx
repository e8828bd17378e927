"use client";
// The notebook page's client root: takes the server-read notebook (or loads it), shows loading /
// not found / error states, and remounts the editor with fresh data on a reload after a conflict.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Suspense, use, useState, type ReactNode } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { AppHeader } from "@/components/ui/app-header";
import { errorMessage, isNotFoundError, trpcCode } from "./client-errors";
import { NotebookEditor } from "./notebook-editor";
import type { NotebookData } from "./types";
import styles from "./notebook.module.css";

type Props = { notebookId: string; initial: Promise<NotebookData | null> };

export function NotebookView({ notebookId, initial }: Props) {
  return (
    <Suspense fallback={<Shell><Loading /></Shell>}>
      <NotebookLoader notebookId={notebookId} initial={initial} />
    </Suspense>
  );
}

function NotebookLoader({ notebookId, initial: pending }: Props) {
  const initial = use(pending);
  const trpc = useTRPC();
  const query = useQuery(trpc.notebook.get.queryOptions({ id: notebookId }, {
    initialData: initial ?? undefined,
    staleTime: Infinity,
    refetchOnReconnect: false,
    refetchOnWindowFocus: false,
    retry: (failures, error) => !isMissing(error) && failures < 2,
  }));
  const [generation, setGeneration] = useState(0);
  const [reloading, setReloading] = useState(false);

  const reload = async () => {
    setReloading(true);
    const result = await query.refetch();
    setReloading(false);
    if (result.data) setGeneration((g) => g + 1);
  };

  if (query.data) {
    return <NotebookEditor key={`${notebookId}:${generation}`} initial={query.data} onReload={() => void reload()} reloading={reloading} />;
  }
  return (
    <Shell>
      {query.isPending ? (
        <Loading />
      ) : isMissing(query.error) ? (
        <div className="empty-state" data-testid="notebook-not-found">
          <h1 className={styles.stateTitle}>Notebook not found</h1>
          <p className="muted">It may have been deleted, or it belongs to another account.</p>
          <Link href="/notebooks" className={`btn btn-primary ${styles.linkButton}`}>Back to your notebooks</Link>
        </div>
      ) : (
        <div className="empty-state" role="alert">
          <h1 className={styles.stateTitle}>The notebook could not be loaded</h1>
          <p className="muted">{errorMessage(query.error)}</p>
          <button type="button" className="btn btn-primary" onClick={() => void query.refetch()}>Try again</button>
        </div>
      )}
    </Shell>
  );
}

function Shell({ children }: { children: ReactNode }) {
  return (
    <>
      <AppHeader />
      <div className="page">{children}</div>
    </>
  );
}

function Loading() {
  return <p className={`muted ${styles.loading}`} data-testid="notebook-loading" role="status">Loading notebook…</p>;
}

/** Not found, or an id that cannot exist. */
function isMissing(error: unknown): boolean {
  return isNotFoundError(error) || trpcCode(error) === "BAD_REQUEST";
}
