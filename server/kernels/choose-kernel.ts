// Sets which kernel a notebook runs on (Notebook.provider, .runtime = the spec name, .language and
// the chosen resources), after checking the provider offers it and each resource value is one of
// its options, and shuts its current kernel down: the next run starts the new one.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import type { ChooseKernelInput } from "@/server/contracts/kernel";
import { KernelError } from "@/server/errors";
import { findOwnedNotebook } from "@/server/notebooks/find-owned-notebook";
import { listKernelSpecs } from "./list-kernel-specs";
import { shutdownKernel } from "./shutdown-kernel";
import { kernelChoice, type StoredKernelChoice } from "./start-kernel";
import type { KernelSpec } from "./types";

export type KernelChoice = StoredKernelChoice;

export async function chooseKernel(db: Db, args: { userId: string } & ChooseKernelInput): Promise<KernelChoice> {
  const notebook = await findOwnedNotebook(db, args);
  const [listing] = await listKernelSpecs(db, { userId: args.userId, only: args.provider });
  if (!listing) throw new KernelError("UNAVAILABLE", `The ${args.provider} kernel provider is not configured on this server.`);
  if (!listing.available) throw new KernelError("UNAVAILABLE", `The ${args.provider} kernel provider cannot be reached: ${listing.reason}`);
  const spec = listing.specs.find((s) => s.name === args.spec);
  if (!spec) throw new KernelError("NOT_FOUND", `The ${args.provider} kernel provider offers no kernel "${args.spec}".`);
  const resources = chosenResources(spec, args.resources ?? {});

  const current = kernelChoice(notebook);
  const currentSpec = notebook.provider === args.provider ? (notebook.runtime ?? listing.specs[0]?.name) : undefined;
  if (currentSpec === spec.name && sameResources(current.resources, resources)) return current;
  // The choice first, so that a run arriving meanwhile starts the new kernel.
  await db.notebook.updateMany({
    where: { id: notebook.id, ownerId: args.userId },
    data: { provider: args.provider, runtime: spec.name, language: spec.language, kernelResources: resources ?? Prisma.DbNull },
  });
  await shutdownKernel(db, { userId: args.userId, notebookId: notebook.id, reason: `Kernel changed to ${spec.displayName}.` });
  return { provider: args.provider, spec: spec.name, resources, language: spec.language };
}

/** Every offered resource at its chosen value (or default); an unknown key or value is refused. */
function chosenResources(spec: KernelSpec, wanted: Record<string, string>): Record<string, string> | null {
  const choices = spec.resources ?? [];
  for (const key of Object.keys(wanted)) {
    const choice = choices.find((c) => c.key === key);
    if (!choice) throw new KernelError("NOT_FOUND", `${spec.displayName} has no resource "${key}" to choose.`);
    if (!choice.options.some((o) => o.value === wanted[key])) {
      throw new KernelError("NOT_FOUND", `${choice.label} cannot be ${wanted[key]} on ${spec.displayName}; choose one of ${choice.options.map((o) => o.label).join(", ")}.`);
    }
  }
  if (choices.length === 0) return null;
  return Object.fromEntries(choices.map((c) => [c.key, wanted[c.key] ?? c.default]));
}

function sameResources(a: Record<string, string> | null, b: Record<string, string> | null): boolean {
  return JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
}
