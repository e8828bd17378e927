// The Datasets page (signed-in users only): upload files straight to storage, manage and preview them.
import { DatasetsView } from "@/components/datasets/datasets-view";
import { AppHeader } from "@/components/ui/app-header";
import { requireSessionUser } from "@/server/auth/session";

export const dynamic = "force-dynamic";

export default async function DatasetsPage() {
  await requireSessionUser();
  return (
    <>
      <AppHeader />
      <DatasetsView />
    </>
  );
}
