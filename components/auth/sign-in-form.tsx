"use client";
// Email + password sign-in through next-auth's credentials provider.
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { AuthField } from "./auth-field";
import { callbackPath } from "./callback-path";
import styles from "./auth-form.module.css";

export function SignInForm({ signUpOpen }: { signUpOpen: boolean }) {
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    setPending(false);
    if (!result || result.error) return setError(signInError(result?.error));
    router.replace(callbackPath(params.get("callbackUrl"), window.location.origin));
    router.refresh();
  }

  return (
    <div className={styles.wrap}>
      <form className={styles.card} onSubmit={onSubmit}>
        <h1>Sign in to Kernelbook</h1>
        <p className="muted">R notebooks on remote compute.</p>
        <AuthField label="Email" name="email" type="email" autoComplete="email" required />
        <AuthField label="Password" name="password" type="password" autoComplete="current-password" required />
        {error && <p className={styles.error} role="alert">{error}</p>}
        <button type="submit" className={`btn btn-primary ${styles.submit}`} disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
        {signUpOpen && (
          <p className={styles.alt}>No account yet? <Link href="/sign-up">Create one</Link></p>
        )}
      </form>
    </div>
  );
}

/** next-auth's `error`: "CredentialsSignin" for a wrong password, or the message authorize threw (throttling). */
function signInError(error: string | null | undefined): string {
  return error?.startsWith("Too many failed sign-ins") ? error : "Wrong email or password.";
}
