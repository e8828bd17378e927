// The authorization matrix, generated from the tRPC router: every procedure × {anonymous, owner,
// another user, admin, share-link viewer}, each expected to be allowed or denied by the procedure's
// declared policy (server/api/policies.ts). A procedure without a policy or an input fails here.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { db } from "@/server/db";
import { blobStore } from "@/server/storage/blob-store";
import { INPUTS, type Fixture } from "@/test/authorization-inputs";
import { callerFor } from "@/test/caller";
import { createUser } from "@/test/fixtures";
import { stopLiveKernels } from "@/test/stop-live-kernels";
import { startSession } from "@/server/auth/sessions/start-session";
import { POLICIES, type Policy } from "./policies";

process.env.NEXTAUTH_URL ??= "http://127.0.0.1:3000";
afterAll(stopLiveKernels);

type Caller = "anonymous" | "owner" | "other user" | "admin" | "share-link viewer";
const CALLERS: Caller[] = ["anonymous", "owner", "other user", "admin", "share-link viewer"];
const procedures = Object.keys((appRouter as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures).sort();

/** What the policy promises this caller: allowed, or the tRPC code of the refusal. */
function expected(policy: Policy, caller: Caller): "allowed" | "UNAUTHORIZED" | "NOT_FOUND" {
  if (policy === "public") return "allowed";
  if (caller === "anonymous" || caller === "share-link viewer") return "UNAUTHORIZED"; // a link opens one page, not the API
  if (policy === "user") return "allowed";
  if (policy === "owner") return caller === "owner" ? "allowed" : "NOT_FOUND";
  return caller === "admin" ? "allowed" : "NOT_FOUND";
}

/** A refusal for lack of rights: not signed in, or the resource (or the feature) "does not exist". */
function refusal(e: unknown): "UNAUTHORIZED" | "NOT_FOUND" | null {
  const err = e as { code?: string; message?: string };
  if (err.code === "UNAUTHORIZED") return "UNAUTHORIZED";
  if (err.code === "NOT_FOUND" && /^(Notebook|Dataset) not found\.$|^Not found/.test(err.message ?? "")) return "NOT_FOUND";
  if (err.code === "NOT_FOUND" && err.message === "NOT_FOUND") return "NOT_FOUND"; // adminProcedure's bare refusal
  return null;
}

async function fixtureOf(ownerId: string): Promise<Fixture> {
  const cellId = randomUUID();
  const notebook = await db.notebook.create({ data: { ownerId, title: "matrix", cells: { create: [{ id: cellId, rank: 0, source: "1" }] } } });
  const execution = await db.execution.create({ data: { notebookId: notebook.id, cellId, source: "1", status: "ok" } });
  const dataset = (status: string) =>
    db.dataset.create({ data: { ownerId, name: "m.csv", blobName: `users/${ownerId}/${randomUUID()}`, size: BigInt(8), contentType: "text/csv", status, blockSize: 8 * 1024 * 1024, fileKey: randomUUID() } });
  const [ready, uploading] = [await dataset("ready"), await dataset("uploading")];
  await (await blobStore()).container.getBlockBlobClient(ready.blobName).upload("a,b\n1,2\n", 8);
  const link = await db.shareLink.create({ data: { ownerId, notebookId: notebook.id, tokenHash: randomUUID(), title: "matrix", snapshot: {} } });
  const authSessionId = await startSession(db, { userId: ownerId, userAgent: "matrix", ip: null });
  const session = await db.kernelSession.create({ data: { notebookId: notebook.id, ownerId, provider: "webr", instanceId: "matrix", status: "idle" } });
  return {
    ownerId, notebookId: notebook.id, cellId, executionId: execution.id, readyDatasetId: ready.id, uploadingDatasetId: uploading.id,
    shareLinkId: link.id, kernelSessionId: session.id, authSessionId,
  };
}

/** Calls a procedure by its path; a subscription counts as allowed once it yields or stays open. */
async function call(api: ReturnType<typeof callerFor>, path: string, input: unknown): Promise<void> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], api) as (i: unknown) => Promise<unknown>;
  const result = await fn(input);
  if (result && typeof result === "object" && Symbol.asyncIterator in result) {
    const it = (result as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    const pause = () => new Promise((r) => setTimeout(r, 300));
    await Promise.race([it.next(), pause()]);
    // The stream waits for the next event before it can end; do not wait for that.
    await Promise.race([it.return?.(), pause()]);
  }
}

describe("authorization matrix", () => {
  it("declares a policy and an input for every procedure of the router", () => {
    expect(procedures.filter((p) => !(p in POLICIES))).toEqual([]);
    expect(procedures.filter((p) => !(p in INPUTS))).toEqual([]);
    expect(Object.keys(POLICIES).filter((p) => !procedures.includes(p))).toEqual([]);
  });

  for (const path of procedures) {
    it.each(CALLERS)(`${path} as %s`, async (caller) => {
      const policy = POLICIES[path];
      if (!policy) throw new Error(`${path} has no declared policy`);
      const owner = await createUser();
      const fixture = await fixtureOf(owner.id);
      const who = { anonymous: null, "share-link viewer": null, owner, "other user": await createUser(), admin: await createUser("ADMIN") }[caller];
      const outcome = await call(callerFor(who), path, INPUTS[path]!(fixture)).then(() => "allowed" as const, (e: unknown) => refusal(e) ?? "allowed");
      expect(outcome).toBe(expected(policy, caller));
    }, 60_000);
  }
});
