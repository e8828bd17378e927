"use client";
// One user in the admin's list, with what an admin can do to the account: role, disable / enable, password.
import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { useTRPC } from "@/components/providers/trpc-provider";
import { errorMessage } from "@/components/notebook/client-errors";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatDateTime } from "./format-admin";
import { ResetPasswordDialog } from "./reset-password-dialog";
import styles from "./admin.module.css";

type AdminUser = inferRouterOutputs<AppRouter>["admin"]["users"][number];

export function UserRow({ user, self }: { user: AdminUser; self: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.users.queryKey() });
  const setRole = useMutation(trpc.admin.setRole.mutationOptions({ onSettled: refresh }));
  const setDisabled = useMutation(trpc.admin.setDisabled.mutationOptions({ onSettled: refresh }));
  const [confirmDisable, setConfirmDisable] = useState(false);
  const [resetting, setResetting] = useState(false);
  const failed = setRole.error ?? setDisabled.error;

  return (
    <tr data-testid="admin-user-row" data-email={user.email}>
      <td>{user.email}{self && <span className="muted"> (you)</span>}</td>
      <td>{user.name ?? <span className="muted">—</span>}</td>
      <td>
        <select className="input" aria-label={`Role of ${user.email}`} value={user.role} disabled={setRole.isPending}
          onChange={(e) => setRole.mutate({ userId: user.id, role: e.target.value as "USER" | "ADMIN" })}>
          <option value="USER">User</option>
          <option value="ADMIN">Admin</option>
        </select>
      </td>
      <td className={user.disabled ? styles.disabled : undefined}>{user.disabled ? "Disabled" : "Active"}</td>
      <td>{formatDateTime(user.createdAt)}</td>
      <td>{formatDateTime(user.lastSignInAt)}</td>
      <td>{user.notebooks}</td>
      <td>
        <div className={styles.actions}>
          {user.disabled ? (
            <button type="button" className="btn" disabled={setDisabled.isPending}
              onClick={() => setDisabled.mutate({ userId: user.id, disabled: false })}>Enable</button>
          ) : (
            <button type="button" className="btn btn-danger" disabled={self || setDisabled.isPending}
              title={self ? "You cannot disable your own account." : undefined} onClick={() => setConfirmDisable(true)}>Disable</button>
          )}
          <button type="button" className="btn" onClick={() => setResetting(true)}>Reset password</button>
        </div>
        {failed && <p className="error-text" role="alert">{errorMessage(failed)}</p>}
        {confirmDisable && (
          <ConfirmDialog title={`Disable ${user.email}?`} confirmLabel="Disable" danger onCancel={() => setConfirmDisable(false)}
            onConfirm={() => { setConfirmDisable(false); setDisabled.mutate({ userId: user.id, disabled: true }); }}>
            <p>They are signed out at once and their running kernels stop. You can enable the account again later.</p>
          </ConfirmDialog>
        )}
        {resetting && <ResetPasswordDialog user={user} onClose={() => setResetting(false)} />}
      </td>
    </tr>
  );
}
