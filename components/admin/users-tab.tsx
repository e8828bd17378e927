"use client";
// The Users tab: search by email or name; role, status, created, last sign-in and notebooks per user,
// with role changes, disable / enable and password resets.
import { useDeferredValue, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc-provider";
import { errorMessage } from "@/components/notebook/client-errors";
import { UserRow } from "./user-row";
import styles from "./admin.module.css";

export function UsersTab({ selfId }: { selfId: string }) {
  const trpc = useTRPC();
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query.trim());
  const users = useQuery({ ...trpc.admin.users.queryOptions({ query: deferred }), placeholderData: keepPreviousData });
  return (
    <section data-testid="admin-users">
      <div className={styles.toolbar}>
        <label>
          Search
          <input className="input" type="search" placeholder="Email or name" value={query} onChange={(e) => setQuery(e.target.value)}
            data-testid="admin-user-search" />
        </label>
      </div>
      {users.isError && <p className="error-text" role="alert">Users could not be loaded: {errorMessage(users.error)}</p>}
      {users.isPending ? <p className="muted">Loading users…</p> : users.data && (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr><th>Email</th><th>Name</th><th>Role</th><th>Status</th><th>Created</th><th>Last sign-in</th><th>Notebooks</th><th>Actions</th></tr>
            </thead>
            <tbody>
              {users.data.map((u) => <UserRow key={u.id} user={u} self={u.id === selfId} />)}
              {users.data.length === 0 && <tr><td colSpan={8} className="muted">No user matches “{deferred}”.</td></tr>}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
