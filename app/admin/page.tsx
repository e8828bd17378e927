// The admin dashboard (admins only; for everyone else, signed in or not, the page does not exist).
import { notFound } from "next/navigation";
import { AdminDashboard } from "@/components/admin/admin-dashboard";
import { toAdminTab } from "@/components/admin/admin-tabs";
import { AppHeader } from "@/components/ui/app-header";
import { getSessionUser } from "@/server/auth/session";

export const dynamic = "force-dynamic";

export default async function AdminPage({ searchParams }: { searchParams: Promise<{ tab?: string | string[] }> }) {
  const user = await getSessionUser();
  if (user?.role !== "ADMIN") notFound();
  const { tab } = await searchParams;
  return (
    <>
      <AppHeader />
      <main className="page" style={{ maxWidth: 1300 }}>
        <h1>Admin</h1>
        <AdminDashboard initialTab={toAdminTab(tab)} selfId={user.id} />
      </main>
    </>
  );
}
