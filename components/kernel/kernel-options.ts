// The kernel picker's options: each reachable provider's specs, an unreachable provider as one
// disabled entry with its reason, and the notebook's current choice selected (even if unavailable).
import type { ProviderSpecs } from "@/server/kernels/list-kernel-specs";
import type { ProviderId, ResourceChoice } from "@/server/kernels/types";

export type ProviderListing = ProviderSpecs;

export type KernelChoiceData = { provider: string; spec: string | null; resources?: Record<string, string> | null };

export type KernelOption = {
  value: string;
  label: string;
  disabled: boolean;
  /** Null for a current choice that no configured provider offers. */
  provider: ProviderId | null;
  spec: string;
  title?: string;
  /** What the user may choose when starting this spec (CPU, memory, GPU). */
  resources?: ResourceChoice[];
};

const PROVIDER_LABELS: Record<ProviderId, string> = {
  webr: "embedded webR",
  jupyter: "Jupyter",
  backendai: "Backend.AI",
  mlserver: "ML Server",
};

export function optionValue(provider: string, spec: string): string {
  return `${provider}:${spec}`;
}

export function kernelOptions(listings: ProviderListing[], choice: KernelChoiceData | undefined): { options: KernelOption[]; selected: string } {
  const options: KernelOption[] = [];
  for (const listing of listings) {
    const providerLabel = PROVIDER_LABELS[listing.provider];
    if (!listing.available) {
      const label = `${providerLabel} — unavailable: ${shorten(listing.reason, 70)}`;
      options.push({ value: `${listing.provider}:`, label, title: listing.reason, disabled: true, provider: listing.provider, spec: "" });
      continue;
    }
    for (const spec of listing.specs) {
      const label = spec.displayName.includes(providerLabel) ? spec.displayName : `${spec.displayName} — ${providerLabel}`;
      options.push({
        value: optionValue(listing.provider, spec.name), label, disabled: false, provider: listing.provider, spec: spec.name,
        title: spec.description, resources: spec.resources,
      });
    }
  }
  if (!choice) return { options, selected: "" };
  const listing = listings.find((l) => l.provider === choice.provider);
  const spec = choice.spec ?? (listing?.available ? listing.specs[0]?.name : undefined) ?? "";
  const selected = optionValue(choice.provider, spec);
  if (!options.some((o) => o.value === selected)) {
    const label = `${spec || "default"} — ${PROVIDER_LABELS[choice.provider as ProviderId] ?? choice.provider} (unavailable)`;
    options.unshift({ value: selected, label, disabled: true, provider: listing?.provider ?? null, spec });
  }
  return { options, selected };
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
