// Sign-in page (public); signed-in users go straight to their notebooks.
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getSessionUser } from "@/server/auth/session";
import { env } from "@/server/env";

export const dynamic = "force-dynamic";

export default async function SignInPage() {
  if (await getSessionUser()) redirect("/notebooks");
  return (
    <Suspense>
      <SignInForm signUpOpen={env.ALLOW_SIGNUP} />
    </Suspense>
  );
}
