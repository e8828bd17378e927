// The header of every signed-in page: brand, a slot for the page's own controls, Datasets, Settings, Admin (admins), theme, sign out;
// it also keeps the session cookie's lifetime sliding (SessionRenewal).
import Link from "next/link";
import type { ReactNode } from "react";
import { AdminLink } from "@/components/admin/admin-link";
import { SessionRenewal } from "./session-renewal";
import { SignOutButton } from "./sign-out-button";
import { ThemeToggle } from "./theme-toggle";

export function AppHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="app-header">
      <Link href="/notebooks" className="brand">Kernelbook</Link>
      <div className="spacer" style={{ display: "flex", alignItems: "center", flexWrap: "wrap", gap: "6px 12px", minWidth: 0 }}>{children}</div>
      <Link href="/datasets" className="btn btn-ghost" data-testid="datasets-link">Datasets</Link>
      <Link href="/settings" className="btn btn-ghost" data-testid="settings-link">Settings</Link>
      <AdminLink />
      <ThemeToggle />
      <SignOutButton />
      <SessionRenewal />
    </header>
  );
}
