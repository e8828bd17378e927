// Sets which kernel a notebook runs on (Notebook.provider and .runtime = the spec name), after
// checking the provider offers it, and shuts its current kernel down: the next run starts the new one.
import "server-only";
import type { Db } from "@/server/db";
import type { ChooseKernelInput } from "@/server/contracts/kernel";
import { KernelError } from "@/server/errors";
import { findOwnedNotebook } from "@/server/notebooks/find-owned-notebook";
import { listKernelSpecs } from "./list-kernel-specs";
import { shutdownKernel } from "./shutdown-kernel";

export type KernelChoice = { provider: string; spec: string | null };

export async function chooseKernel(db: Db, args: { userId: string } & ChooseKernelInput): Promise<KernelChoice> {
  const notebook = await findOwnedNotebook(db, args);
  const [listing] = await listKernelSpecs({ only: args.provider });
  if (!listing) throw new KernelError("UNAVAILABLE", `The ${args.provider} kernel provider is not configured on this server.`);
  if (!listing.available) throw new KernelError("UNAVAILABLE", `The ${args.provider} kernel provider cannot be reached: ${listing.reason}`);
  const spec = listing.specs.find((s) => s.name === args.spec);
  if (!spec) throw new KernelError("NOT_FOUND", `The ${args.provider} kernel provider offers no kernel "${args.spec}".`);

  const current = notebook.provider === args.provider ? (notebook.runtime ?? listing.specs[0]?.name) : undefined;
  if (current === spec.name) return { provider: notebook.provider, spec: notebook.runtime };
  // The choice first, so that a run arriving meanwhile starts the new kernel.
  await db.notebook.updateMany({ where: { id: notebook.id, ownerId: args.userId }, data: { provider: args.provider, runtime: spec.name } });
  await shutdownKernel(db, { userId: args.userId, notebookId: notebook.id, reason: `Kernel changed to ${spec.displayName}.` });
  return { provider: args.provider, spec: spec.name };
}
