// The kernel specs a Backend.AI provider offers: the manager's catalogue (images with the query
// feature and their resource choices, cached briefly), or an explicit override list of images.
import { KernelError } from "@/server/errors";
import type { KernelSpec, ResourceChoice } from "@/server/kernels/types";
import { catalogEntries, type CatalogEntry } from "./catalog";
import type { BackendAIClient } from "./client";

/** An explicitly configured image (the `images` option): no catalogue lookup, no resource choices. */
export type BackendAIImage = { image: string; displayName: string; language?: "r" | "python"; description?: string };

const CACHE_MS = 30_000;

export class SpecSource {
  private cached: { at: number; entries: Promise<CatalogEntry[]> } | null = null;

  constructor(private readonly client: BackendAIClient, private readonly overrides: Record<string, BackendAIImage> | undefined) {}

  /** Overrides as entries, or the manager's catalogue (images + resource slots), cached for 30 s. */
  entries(options: { signal?: AbortSignal } = {}): Promise<CatalogEntry[]> {
    if (this.overrides) {
      return Promise.resolve(Object.entries(this.overrides).map(([name, i]) => ({
        spec: { name, displayName: i.displayName, language: i.language ?? "r", ...(i.description ? { description: i.description } : {}) },
        image: i.image, architecture: null,
      })));
    }
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.entries;
    const entries = Promise.all([this.client.listImages(options), this.client.resourceSlots(options)]).then(([images, slots]) => catalogEntries(images, slots));
    const cached = { at: Date.now(), entries };
    this.cached = cached;
    entries.catch(() => {
      if (this.cached === cached) this.cached = null;
    });
    return entries;
  }

  async specs(options: { signal?: AbortSignal } = {}): Promise<KernelSpec[]> {
    return (await this.entries(options)).map((e) => e.spec);
  }

  /** The entry for a spec name (the first spec when none is given). */
  async find(name: string | undefined, options: { signal?: AbortSignal } = {}): Promise<CatalogEntry> {
    const entries = await this.entries(options);
    const entry = name === undefined ? entries[0] : entries.find((e) => e.spec.name === name);
    if (!entry) {
      throw new KernelError("START_FAILED", name === undefined ? "This Backend.AI manager offers no image that can run notebook cells." : `Backend.AI offers no kernel spec "${name}".`);
    }
    return entry;
  }
}

/** The spec's defaults overlaid with the user's choices; each choice must be one the spec offers. */
export function chosenResources(spec: KernelSpec, requested: Record<string, string> = {}): Record<string, string> {
  const choices: ResourceChoice[] = spec.resources ?? [];
  const out: Record<string, string> = Object.fromEntries(choices.map((c) => [c.key, c.default]));
  for (const [key, value] of Object.entries(requested)) {
    const choice = choices.find((c) => c.key === key);
    if (!choice) throw new KernelError("START_FAILED", `${spec.displayName} has no resource "${key}" to choose.`);
    if (!choice.options.some((o) => o.value === value)) {
      const offered = choice.options.map((o) => o.label).join(", ");
      throw new KernelError("START_FAILED", `${value} is not an offered ${choice.label.toLowerCase()} value for ${spec.displayName} (offered: ${offered}).`);
    }
    out[key] = value;
  }
  return out;
}
