"use client";
// Resets a user's password: the admin types one, or has one generated and shown here once.
import { useEffect, useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc-provider";
import { errorMessage } from "@/components/notebook/client-errors";
import styles from "./admin.module.css";

export function ResetPasswordDialog({ user, onClose }: { user: { id: string; email: string }; onClose: () => void }) {
  const trpc = useTRPC();
  const reset = useMutation(trpc.admin.resetPassword.mutationOptions());
  const [password, setPassword] = useState("");
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    reset.mutate({ userId: user.id, password: password || undefined });
  };

  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div className="dialog" role="dialog" aria-modal="true" aria-label={`Reset password of ${user.email}`} onClick={(e) => e.stopPropagation()}>
        <h2>Reset password of {user.email}</h2>
        {reset.isSuccess ? (
          <>
            {reset.data.generatedPassword ? (
              <>
                <p>Their new password, shown only this once: give it to them over a safe channel.</p>
                <p className={styles.secret} data-testid="generated-password">{reset.data.generatedPassword}</p>
              </>
            ) : <p>The password was changed.</p>}
            <div className="actions"><button type="button" className="btn btn-primary" onClick={onClose} autoFocus>Done</button></div>
          </>
        ) : (
          <form onSubmit={submit}>
            <label>
              New password (leave empty to generate one)
              <input className="input" type="text" autoComplete="off" minLength={8} maxLength={200} value={password}
                onChange={(e) => setPassword(e.target.value)} autoFocus />
            </label>
            {reset.isError && <p className="error-text" role="alert">{errorMessage(reset.error)}</p>}
            <div className="actions">
              <button type="button" className="btn" onClick={onClose}>Cancel</button>
              <button type="submit" className="btn btn-primary" disabled={reset.isPending}>
                {password ? "Set password" : "Generate password"}
              </button>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}
