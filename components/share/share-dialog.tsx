"use client";
// "Share" on the notebook page: freeze the notebook as it is now into a read-only link (optionally
// expiring), shown once with a copy button — only its hash is kept, so it cannot be shown again —
// and the notebook's links so far, with their views and Revoke.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "@/components/notebook/client-errors";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { ShareExpiryDays } from "@/server/sharing/contract";
import { SharedLinksList } from "./shared-links-list";
import styles from "./share.module.css";
import { useEscape } from "@/components/ui/use-escape";

type Props = {
  notebookId: string;
  /** Saves pending edits, so the snapshot holds what the author sees. */
  saveFirst: () => Promise<void>;
  onClose: () => void;
};

const EXPIRY_CHOICES: { value: string; label: string; days: ShareExpiryDays | undefined }[] = [
  { value: "none", label: "Never", days: undefined },
  { value: "1", label: "In 1 day", days: 1 },
  { value: "7", label: "In 7 days", days: 7 },
  { value: "30", label: "In 30 days", days: 30 },
];

export function ShareDialog({ notebookId, saveFirst, onClose }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [expiry, setExpiry] = useState("none");
  const [copied, setCopied] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.share.list.queryKey() });
  const links = useQuery(trpc.share.list.queryOptions({ notebookId }, { staleTime: 0 }));
  const create = useMutation(trpc.share.create.mutationOptions({ onSuccess: () => { setCopied(false); void invalidate(); } }));
  const revoke = useMutation(trpc.share.revoke.mutationOptions({ onSuccess: () => void invalidate() }));
  useEscape(onClose);

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  const days = EXPIRY_CHOICES.find((c) => c.value === expiry)?.days;
  const createLink = async () => {
    setSaveError(null);
    try {
      await saveFirst();
    } catch {
      setSaveError("Your latest edits could not be saved, so the link would not show them. Resolve that first, then share.");
      return;
    }
    create.mutate({ notebookId, expiresInDays: days });
  };

  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div className={`dialog ${styles.dialog}`} role="dialog" aria-modal="true" aria-label="Share" data-testid="share-dialog"
        onClick={(e) => e.stopPropagation()}>
        <h2>Share a read-only snapshot</h2>
        <p className="muted">Anyone with the link sees this notebook as it is now — its cells and their latest outputs — without signing in.
          Later edits and runs do not change it.</p>
        <div className={styles.row}>
          <label htmlFor="share-expiry">Link expires</label>
          <select id="share-expiry" className="input" data-testid="share-expiry" value={expiry} onChange={(e) => setExpiry(e.target.value)}>
            {EXPIRY_CHOICES.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
          </select>
          <button type="button" className="btn btn-primary" data-testid="share-create" disabled={create.isPending}
            onClick={() => void createLink()}>
            {create.isPending ? "Creating…" : "Create link"}
          </button>
        </div>
        {(saveError || create.isError) && (
          <p className="error-text" role="alert" data-testid="share-error">{saveError ?? errorMessage(create.error)}</p>
        )}
        {create.data && (
          <>
            <div className={styles.row}>
              <input className={`input ${styles.url}`} readOnly aria-label="Shared link" data-testid="share-url" value={create.data.url}
                onFocus={(e) => e.currentTarget.select()} />
              <button type="button" className="btn" data-testid="share-copy" onClick={() => void copy(create.data.url)}>
                {copied ? "Copied" : "Copy"}
              </button>
            </div>
            <p className={`muted ${styles.note}`}>Copy it now: the link is not stored and cannot be shown again.</p>
          </>
        )}
        <h3>Shared links</h3>
        {links.isPending && <p className="muted">Loading…</p>}
        {links.isError && <p className="error-text" role="alert">Could not load the links: {errorMessage(links.error)}</p>}
        {links.data && (
          <SharedLinksList links={links.data} revokingId={revoke.isPending ? revoke.variables?.id : undefined}
            onRevoke={(id) => revoke.mutate({ id })} />
        )}
        {revoke.isError && <p className="error-text" role="alert">{errorMessage(revoke.error)}</p>}
        <div className="actions">
          <button type="button" className="btn" onClick={onClose}>Close</button>
        </div>
      </div>
    </div>
  );
}
