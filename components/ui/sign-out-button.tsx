"use client";
// Ends the session through next-auth and returns to the sign-in page.
import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" className="btn btn-ghost" onClick={() => void signOut({ callbackUrl: "/sign-in" })}>
      Sign out
    </button>
  );
}
