// The resources a Backend.AI image can start with (spec §4.1 config.resources): CPU, memory and
// GPU choices within the image's resource_limits and the cluster's slot types (spec §10).
import type { ResourceChoice } from "@/server/kernels/types";
import type { CatalogImage } from "./schemas";

const UNITS: Record<string, number> = { "": 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40, p: 2 ** 50 };
const GIB = 2 ** 30;

/** A limit value as a number: counts ("1", "0.5"), binary sizes ("256m", "1073741824"); null = no limit. */
export function limitValue(raw: string | null): number | null {
  if (raw === null) return null;
  const text = raw.trim().toLowerCase();
  if (text === "infinity" || text === "inf") return Number.POSITIVE_INFINITY;
  const m = /^(\d+(?:\.\d+)?)\s*([kmgtp]?)(?:i?b)?$/.exec(text);
  return m ? Number(m[1]) * (UNITS[m[2] ?? ""] ?? 1) : null;
}

export type Limits = Record<string, { min: number; max: number }>;

/** The image's limits by slot key; a missing minimum is 0, a missing maximum unlimited. */
export function imageLimits(image: CatalogImage): Limits {
  const out: Limits = {};
  for (const row of image.resource_limits ?? []) {
    out[row.key] = { min: limitValue(row.min) ?? 0, max: limitValue(row.max) ?? Number.POSITIVE_INFINITY };
  }
  return out;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function choice(key: string, label: string, values: number[], format: (v: number) => { value: string; label: string }): ResourceChoice {
  const options = values.map(format);
  return { key, label, options, default: options[0]?.value ?? "" };
}

/** Preferred values within [min, max]; the minimum itself when none fits. */
function within(preferred: number[], limit: { min: number; max: number } | undefined, floor = 0): number[] {
  const min = Math.max(limit?.min ?? 0, floor);
  const max = limit?.max ?? Number.POSITIVE_INFINITY;
  const fits = preferred.filter((v) => v >= min && v <= max);
  return fits.length > 0 ? fits : [min];
}

const formatGiB = (bytes: number) => {
  const gib = bytes / GIB;
  if (Number.isInteger(gib)) return { value: `${gib}g`, label: `${gib} GiB` };
  const mib = Math.ceil(bytes / 2 ** 20);
  return { value: `${mib}m`, label: `${mib} MiB` };
};

/**
 * CPU cores 1/2/4/8 and memory 1/2/4/8/16 GiB within the image's limits; a GPU choice only when
 * the cluster offers a CUDA slot and the image asks for one (spec §10: cuda.device / cuda.shares).
 */
export function resourceChoices(image: CatalogImage, slots: Record<string, string>): ResourceChoice[] {
  const limits = imageLimits(image);
  const choices: ResourceChoice[] = [];
  if (slots.cpu) choices.push(choice("cpu", "CPU cores", within([1, 2, 4, 8], limits.cpu, 1), (v) => ({ value: String(v), label: plural(v, "core") })));
  if (slots.mem) choices.push(choice("mem", "Memory", within([1, 2, 4, 8, 16].map((g) => g * GIB), limits.mem), formatGiB));
  const wantsGpu = Object.keys(limits).some((k) => k.startsWith("cuda."));
  if (wantsGpu && slots["cuda.device"]) {
    const devices = within([1, 2, 4, 8], limits["cuda.device"], limits["cuda.device"]?.min === 0 ? 0 : 1);
    choices.push(choice("cuda.device", "GPUs", devices, (v) => ({ value: String(v), label: v === 0 ? "None" : plural(v, "GPU") })));
  } else if (wantsGpu && slots["cuda.shares"]) {
    const shares = within([0.25, 0.5, 1, 2], limits["cuda.shares"]);
    choices.push(choice("cuda.shares", "GPU share", shares, (v) => ({ value: String(v), label: `${v} GPU` })));
  }
  return choices;
}

/**
 * The slot keys an image needs (minimum above zero) that the cluster cannot give. Images label
 * both cuda.device and cuda.shares; a cluster has one of them, so a device family is enough.
 */
export function missingSlots(image: CatalogImage, slots: Record<string, string>): string[] {
  const family = (key: string) => key.split(".")[0] ?? key;
  const offered = new Set(Object.keys(slots).map(family));
  return Object.entries(imageLimits(image))
    .filter(([key, limit]) => limit.min > 0 && !slots[key] && !(key.includes(".") && offered.has(family(key))))
    .map(([key]) => key);
}
