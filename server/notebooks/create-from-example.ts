// Creates a notebook from one of the shipped examples, on the kernel it is written for when the
// user's Backend.AI offers that image; otherwise R examples open on webR and others keep the image
// as their (unavailable) choice, so the picker says what is missing.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db";
import { NotebookError } from "@/server/errors";
import { listKernelSpecs } from "@/server/kernels/list-kernel-specs";
import { configuredProviderIds } from "@/server/kernels/registry";
import { EXAMPLES } from "./examples";
import type { ExampleNotebook } from "./examples/types";

export async function createFromExample(db: Db, args: { userId: string; exampleId: string }) {
  const example = EXAMPLES.find((e) => e.id === args.exampleId);
  if (!example) throw new NotebookError("NOT_FOUND", "There is no such example notebook.");
  const choice = await kernelFor(db, args.userId, example);
  return db.notebook.create({
    data: {
      ownerId: args.userId,
      title: example.title,
      ...choice,
      cells: { create: example.cells.map((c, rank) => ({ id: randomUUID(), rank, kind: c.kind, source: c.source })) },
    },
    select: { id: true, title: true, provider: true, runtime: true },
  });
}

async function kernelFor(db: Db, userId: string, example: ExampleNotebook): Promise<{ provider: string; runtime: string | null; language: string }> {
  const language = example.language;
  if (configuredProviderIds().includes("backendai")) {
    const [listing] = await listKernelSpecs(db, { userId, only: "backendai" });
    const spec = listing?.available ? listing.specs.find(example.matchesSpec) : undefined;
    if (spec) return { provider: "backendai", runtime: spec.name, language };
    if (language !== "r") return { provider: "backendai", runtime: example.image, language };
  }
  return language === "r" ? { provider: "webr", runtime: null, language } : { provider: "backendai", runtime: example.image, language };
}
