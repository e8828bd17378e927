// The notebook list (signed-in users only).
import { NotebookList } from "@/components/notebooks/notebook-list";
import { AppHeader } from "@/components/ui/app-header";
import { requireSessionUser } from "@/server/auth/session";

export const dynamic = "force-dynamic";

export default async function NotebooksPage() {
  await requireSessionUser();
  return (
    <>
      <AppHeader />
      <NotebookList />
    </>
  );
}
