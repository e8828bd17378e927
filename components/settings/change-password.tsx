"use client";
// Changing one's own password (Settings): the current one, then a new one with the strength meter; on
// success every other session of the account ends.
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { PasswordMeter } from "@/components/auth/password-meter";
import { useTRPC } from "@/components/providers/trpc-provider";
import { errorMessage } from "@/components/notebook/client-errors";
import styles from "./settings.module.css";

export function ChangePassword({ email }: { email: string }) {
  const trpc = useTRPC();
  const [newPassword, setNewPassword] = useState("");
  const change = useMutation(trpc.user.changePassword.mutationOptions());
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    change.mutate({ currentPassword: String(data.get("currentPassword")), newPassword: String(data.get("newPassword")) }, {
      onSuccess: () => { form.reset(); setNewPassword(""); },
    });
  }
  const ended = change.data?.otherSessionsEnded ?? 0;
  return (
    <section className={`card ${styles.section}`} data-testid="change-password">
      <h2>Password</h2>
      <form className={styles.form} onSubmit={onSubmit}>
        <label htmlFor="currentPassword">Current password</label>
        <input id="currentPassword" name="currentPassword" type="password" className="input" autoComplete="current-password" required />
        <label htmlFor="newPassword">New password</label>
        <div>
          <input id="newPassword" name="newPassword" type="password" className="input" autoComplete="new-password" required minLength={8}
            value={newPassword} onChange={(e) => setNewPassword(e.target.value)} />
          <PasswordMeter password={newPassword} email={email} />
        </div>
        {change.isError && <p className={styles.error} role="alert">{errorMessage(change.error)}</p>}
        {change.isSuccess && (
          <p className={styles.notice} role="status">
            Password changed.{ended > 0 ? ` Your ${ended === 1 ? "other session was" : `${ended} other sessions were`} signed out.` : ""}
          </p>
        )}
        <div className={styles.actions}>
          <button type="submit" className="btn btn-primary" disabled={change.isPending}>Change password</button>
        </div>
      </form>
    </section>
  );
}
