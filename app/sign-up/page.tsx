// Sign-up page (public), unless sign-up is switched off for a closed deployment.
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getSessionUser } from "@/server/auth/session";
import { env } from "@/server/env";

export const dynamic = "force-dynamic";

export default async function SignUpPage() {
  if (await getSessionUser()) redirect("/notebooks");
  if (!env.ALLOW_SIGNUP) {
    return (
      <main className="page">
        <div className="empty-state">
          <h1>Sign-up is closed</h1>
          <p className="muted">This Kernelbook is a closed deployment. Ask an administrator for an account.</p>
          <Link href="/sign-in">Sign in</Link>
        </div>
      </main>
    );
  }
  return <SignUpForm />;
}
