// Settings (signed-in users only): the user's own logins to remote kernel providers.
import { ProviderLogins } from "@/components/settings/provider-logins";
import { AppHeader } from "@/components/ui/app-header";
import { requireSessionUser } from "@/server/auth/session";

export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  await requireSessionUser();
  return (
    <>
      <AppHeader />
      <main className="page">
        <h1>Settings</h1>
        <ProviderLogins />
      </main>
    </>
  );
}
