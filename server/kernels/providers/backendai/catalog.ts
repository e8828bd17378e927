// Which of a manager's images can run notebook cells, and how the kernel picker shows them: only
// images with the `query` feature (spec §10), named for people, with their resource choices.
import type { KernelSpec } from "@/server/kernels/types";
import { imageLimits, missingSlots, resourceChoices } from "./resources";
import type { CatalogImage } from "./schemas";

/** A spec the provider offers, with the image reference and architecture `start` sends. */
export type CatalogEntry = { spec: KernelSpec; image: string; architecture: string | null };

const R_IMAGES = new Set(["r", "r-base", "kernel-r", "mro", "r-mro", "rstudio"]);

const labelsOf = (image: CatalogImage) => new Map((image.labels ?? []).map((l) => [l.key, l.value ?? ""]));

/** `ai.backend.features`, or the old `io.sorna.features` label (spec §10, MRO image). */
export function features(image: CatalogImage): string[] {
  const labels = labelsOf(image);
  return (labels.get("ai.backend.features") ?? labels.get("io.sorna.features") ?? "").split(/\s+/).filter(Boolean);
}

/** The cell language: the runtime-type label, else the image name (old images have no label). */
export function languageOf(image: CatalogImage): "r" | "python" | null {
  const runtime = labelsOf(image).get("ai.backend.runtime-type");
  if (runtime === "r" || runtime === "python") return runtime;
  if (runtime) return null;
  const base = image.name.split("/").pop()?.toLowerCase() ?? "";
  if (R_IMAGES.has(base) || (image.tag ?? "").startsWith("mro")) return "r";
  if (base.startsWith("python")) return "python";
  return null;
}

/** "R 4.2.3", "Microsoft R Open 3.4.2", "Python 3.6 + CNTK 2.7 (CUDA 9)"; the raw name:tag otherwise. */
export function humanName(image: CatalogImage): string {
  const base = image.name.split("/").pop()?.toLowerCase() ?? "";
  const tag = image.tag ?? "";
  const version = /\d+(?:\.\d+)+/.exec(tag)?.[0];
  const cuda = /-cuda(\d+(?:\.\d+)?)/.exec(tag)?.[1];
  const gpu = cuda ? ` (CUDA ${cuda})` : "";
  if (tag.startsWith("mro") || base === "mro") return `Microsoft R Open${version ? ` ${version}` : ""}`;
  const py = /py(\d)(\d+)/.exec(tag);
  if (base.startsWith("python-") && py) {
    const framework = base.slice("python-".length).toUpperCase();
    return `Python ${py[1]}.${py[2]} + ${framework}${version ? ` ${version}` : ""}${gpu}`;
  }
  if (R_IMAGES.has(base) && version) return `R ${version}`;
  if (base === "python" && version) return `Python ${version}${gpu}`;
  return `${image.name}:${tag}`;
}

export const canonicalRef = (image: CatalogImage) => `${image.registry ? `${image.registry}/` : ""}${image.name}${image.tag ? `:${image.tag}` : ""}`;

function formatBytes(bytes: number): string {
  return bytes >= 2 ** 30 ? `${+(bytes / 2 ** 30).toFixed(1)} GiB` : `${Math.round(bytes / 2 ** 20)} MiB`;
}

function description(image: CatalogImage): string {
  const limits = imageLimits(image);
  const needs = [
    limits.cpu?.min ? `${limits.cpu.min} CPU core${limits.cpu.min === 1 ? "" : "s"}` : null,
    limits.mem?.min ? formatBytes(limits.mem.min) : null,
    Object.keys(limits).some((k) => k.startsWith("cuda.") && (limits[k]?.min ?? 0) > 0) ? "a GPU" : null,
  ].filter(Boolean);
  return `${image.name}:${image.tag ?? "latest"}${image.registry ? ` from ${image.registry}` : ""}${needs.length ? `; needs at least ${needs.join(", ")}` : ""}`;
}

/**
 * The specs for a manager's images: `query` feature, a known language, no slot the cluster lacks;
 * one entry per reference (the first architecture listed wins).
 */
export function catalogEntries(images: CatalogImage[], slots: Record<string, string>): CatalogEntry[] {
  const entries = new Map<string, CatalogEntry>();
  for (const image of images) {
    const language = languageOf(image);
    const ref = canonicalRef(image);
    if (!features(image).includes("query") || !language || entries.has(ref) || missingSlots(image, slots).length > 0) continue;
    const spec: KernelSpec = {
      name: ref, displayName: `${humanName(image)} — Backend.AI`, language, description: description(image), resources: resourceChoices(image, slots),
    };
    entries.set(ref, { spec, image: ref, architecture: image.architecture ?? null });
  }
  return [...entries.values()];
}
