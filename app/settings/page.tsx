// Settings (signed-in users only): password, active sessions, and the user's own logins to remote kernel providers.
import { ProviderLogins } from "@/components/settings/provider-logins";
import { ActiveSessions } from "@/components/settings/active-sessions";
import { ChangePassword } from "@/components/settings/change-password";
import { AppHeader } from "@/components/ui/app-header";
import { requireSessionUser } from "@/server/auth/session";

export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const user = await requireSessionUser();
  return (
    <>
      <AppHeader />
      <main className="page">
        <h1>Settings</h1>
        <ChangePassword email={user.email} />
        <ActiveSessions />
        <ProviderLogins />
      </main>
    </>
  );
}
