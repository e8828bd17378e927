"use client";
// Account creation (tRPC user.signUp), then sign-in with the same credentials.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { AuthField } from "./auth-field";
import { PasswordMeter } from "./password-meter";
import styles from "./auth-form.module.css";

export function SignUpForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const signUp = useMutation(trpc.user.signUp.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [typed, setTyped] = useState({ email: "", password: "" });

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const input = { email: String(form.get("email")), name: String(form.get("name") ?? ""), password: String(form.get("password")) };
    setError(null);
    try {
      await signUp.mutateAsync(input);
    } catch (err) {
      return setError(messageOf(err));
    }
    const result = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    // A taken email gets the same answer as a new one; only its own password signs in. Say nothing more.
    if (result?.error?.startsWith("Too many failed sign-ins")) return setError(result.error);
    if (!result || result.error) return setError("Could not sign you in with this email and password. If you already have an account, sign in, or ask an administrator to reset your password.");
    router.replace("/notebooks");
    router.refresh();
  }

  return (
    <div className={styles.wrap}>
      <form className={styles.card} onSubmit={onSubmit}
        onChange={(e) => { const f = new FormData(e.currentTarget); setTyped({ email: String(f.get("email") ?? ""), password: String(f.get("password") ?? "") }); }}>
        <h1>Create your account</h1>
        <AuthField label="Name" name="name" autoComplete="name" />
        <AuthField label="Email" name="email" type="email" autoComplete="email" required />
        <AuthField label="Password" name="password" type="password" autoComplete="new-password" minLength={8} required />
        <PasswordMeter password={typed.password} email={typed.email} />
        {error && <p className={styles.error} role="alert">{error}</p>}
        <button type="submit" className={`btn btn-primary ${styles.submit}`} disabled={signUp.isPending}>
          {signUp.isPending ? "Creating…" : "Create account"}
        </button>
        <p className={styles.alt}>Already have an account? <Link href="/sign-in">Sign in</Link></p>
      </form>
    </div>
  );
}

function messageOf(err: unknown): string {
  const data = (err as { data?: { fieldErrors?: Record<string, string[]> | null } }).data;
  const field = data?.fieldErrors && Object.values(data.fieldErrors).flat()[0];
  return field ?? (err instanceof Error ? err.message : "Sign-up failed.");
}
