"use client";
// The user's active sessions (Settings): each browser signed in, when it began and was last seen, from
// which address; "Sign out" ends one elsewhere, "Sign out everywhere" ends all of them, this one included.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { errorMessage } from "@/components/notebook/client-errors";
import styles from "./settings.module.css";

export function ActiveSessions() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.session.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.session.list.queryKey() });
  const revoke = useMutation(trpc.session.revoke.mutationOptions({ onSettled: refresh }));
  const revokeAll = useMutation(trpc.session.revokeAll.mutationOptions({
    onSuccess: () => void signOut({ callbackUrl: "/sign-in" }),
  }));
  return (
    <section className={`card ${styles.section}`} data-testid="active-sessions">
      <h2>Active sessions</h2>
      <p className="muted">Browsers signed in to your account. A session ends after 12 hours without use, and after 14 days in any case.</p>
      {list.isPending && <p className="muted">Loading…</p>}
      {list.isError && <p className="error-text" role="alert">Sessions could not be loaded: {errorMessage(list.error)}</p>}
      {list.data && (
        <ul className={styles.sessions}>
          {list.data.map((s) => (
            <li key={s.id} className={styles.session} data-testid="session-row" data-current={s.current}>
              <span>
                <strong>{s.browser}</strong>{s.current && <span className="badge">This browser</span>}
                <br />
                <span className="muted">
                  {s.ip ?? "unknown address"} · signed in {s.createdAt.toLocaleString()} · last seen {s.lastSeenAt.toLocaleString()}
                </span>
              </span>
              {s.current ? (
                <button type="button" className="btn" onClick={() => void signOut({ callbackUrl: "/sign-in" })}>Sign out</button>
              ) : (
                <button type="button" className="btn btn-danger" disabled={revoke.isPending} onClick={() => revoke.mutate({ id: s.id })}
                  aria-label={`Sign out ${s.browser}`}>Sign out</button>
              )}
            </li>
          ))}
        </ul>
      )}
      {revoke.isError && <p className="error-text" role="alert">{errorMessage(revoke.error)}</p>}
      {revokeAll.isError && <p className="error-text" role="alert">{errorMessage(revokeAll.error)}</p>}
      <button type="button" className="btn btn-danger" disabled={revokeAll.isPending} onClick={() => revokeAll.mutate()}>
        Sign out everywhere
      </button>
    </section>
  );
}
