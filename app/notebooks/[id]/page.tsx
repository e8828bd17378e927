// The notebook page: signed-in users only. The notebook is read while the page streams: the
// browser loads the scripts meanwhile and the cells follow in the same response. Should that read
// fail, the client loads the notebook itself (and shows "not found" when it is not the user's).
import { NotebookView } from "@/components/notebook/notebook-view";
import { createCaller } from "@/server/api/root";
import { requireSessionUser, type SessionUser } from "@/server/auth/session";

export const dynamic = "force-dynamic";

async function readNotebook(user: SessionUser, id: string) {
  try {
    return await createCaller({ user, ip: null }).notebook.get({ id });
  } catch {
    return null;
  }
}

export default async function NotebookPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireSessionUser();
  const { id } = await params;
  return <NotebookView notebookId={id} initial={readNotebook(user, id)} />;
}
