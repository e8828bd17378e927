// Issue #13 item 10 on real PostgreSQL: a share link ends with its notebook (deleting it revokes the
// links, audited) and is suspended while its owner is disabled, opening again once re-enabled.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor } from "@/test/caller";
import { createUser } from "@/test/fixtures";
import { readSharedNotebook } from "./read-shared-notebook";

process.env.NEXTAUTH_URL ??= "http://127.0.0.1:3000";

async function sharedNotebook() {
  const user = await createUser();
  const api = callerFor(user);
  const { id: notebookId } = await api.notebook.create({ title: "Shared then gone" });
  const { url } = await api.share.create({ notebookId });
  const token = url.split("/").at(-1)!;
  return { user, api, notebookId, token };
}

describe("share links follow their notebook and owner", () => {
  it("deleting the notebook revokes its links: the link no longer opens and the owner sees it revoked", async () => {
    const { user, api, notebookId, token } = await sharedNotebook();
    expect(await readSharedNotebook(db, { token })).not.toBeNull();
    await api.notebook.delete({ id: notebookId });
    expect(await readSharedNotebook(db, { token })).toBeNull();
    const links = await api.share.list();
    expect(links.map((l) => l.state)).toEqual(["revoked"]);
    const audit = await db.auditEvent.findFirst({ where: { actorId: user.id, action: "share.revoke_with_notebook" } });
    expect(audit?.detail).toMatchObject({ notebookId, count: 1 });
  });

  it("a link whose notebook is gone does not open even if it was never revoked (links orphaned before this fix)", async () => {
    const { notebookId, token } = await sharedNotebook();
    await db.notebook.delete({ where: { id: notebookId } });
    expect(await readSharedNotebook(db, { token })).toBeNull();
  });

  it("disabling the owner suspends the link; re-enabling opens it again", async () => {
    const { user, token } = await sharedNotebook();
    const admin = await createUser("ADMIN");
    const adminApi = callerFor(admin);
    await adminApi.admin.setDisabled({ userId: user.id, disabled: true });
    expect(await readSharedNotebook(db, { token })).toBeNull();
    await adminApi.admin.setDisabled({ userId: user.id, disabled: false });
    expect(await readSharedNotebook(db, { token })).not.toBeNull();
  });

});
