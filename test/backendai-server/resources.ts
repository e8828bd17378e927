// Why: the manager's checks of `config.resources` against the known slot types and the image's
// resource limits (spec §4.1 config.resources; failures are 400 invalid-api-params, spec §8
// "Validation"), with messages as in BA24 registry.py enqueue_session.
import type { ImageDef } from "./images";
import { ProblemError } from "./problems";

export type SlotType = "count" | "bytes";

/** `GET /config/resource-slots` (spec §10): slot name → type; cuda.device only with GPU agents. */
export function knownSlots(opts: { gpu: boolean }): Record<string, SlotType> {
  return opts.gpu ? { cpu: "count", mem: "bytes", "cuda.device": "count" } : { cpu: "count", mem: "bytes" };
}

const UNITS: Record<string, number> = { "": 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40, p: 2 ** 50 };

/** "2g", "256m", "1073741824", "Infinity" → a number (BinarySize for bytes, Decimal for counts). */
export function slotValue(raw: string, type: SlotType): number {
  const text = raw.trim().toLowerCase();
  if (text === "infinity") return Number.POSITIVE_INFINITY;
  const m = /^(\d+(?:\.\d+)?)\s*([kmgtp]?)(?:i?b)?$/.exec(text);
  if (!m || (type === "count" && m[2])) throw new ProblemError("invalid-api-params", { msg: `Invalid resource slot value: ${raw}` });
  return Number(m[1]) * UNITS[m[2] ?? ""];
}

/** The humanized form the manager prints in its messages ("cpu=1 mem=256m"). */
function humanize(slots: Record<string, number>, types: Record<string, SlotType>): string {
  const show = (v: number, type: SlotType | undefined) => {
    if (type !== "bytes") return String(v);
    const unit = ["p", "t", "g", "m", "k"].find((u) => v % UNITS[u] === 0 && v >= UNITS[u]);
    return unit ? `${v / UNITS[unit]}${unit}` : String(v);
  };
  return Object.entries(slots).map(([k, v]) => `${k}=${show(v, types[k])}`).join(" ");
}

/** Image limits restricted to the known slot types (unknown slots' minimums are ignored). */
function imageLimits(image: ImageDef, types: Record<string, SlotType>, which: "min" | "max"): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, limit] of Object.entries(image.resources)) {
    const type = types[key];
    const raw = limit[which];
    if (type && raw !== null) out[key] = slotValue(raw, type);
  }
  return out;
}

/**
 * Validates the requested slots and returns the occupied slots as the manager stores them
 * (strings; memory in bytes). Missing intrinsic slots take the image's minimums.
 */
export function checkResources(image: ImageDef, requested: Record<string, unknown>, types: Record<string, SlotType>): Record<string, string> {
  const slots: Record<string, number> = {};
  for (const [key, raw] of Object.entries(requested)) {
    const value = typeof raw === "number" ? raw : slotValue(String(raw), types[key] ?? "count");
    if (value !== 0 && !types[key]) throw new ProblemError("invalid-api-params", { msg: `Unknown requested resource slot: ${key}` });
    if (types[key]) slots[key] = value;
  }
  const mins = imageLimits(image, types, "min");
  for (const key of ["cpu", "mem"]) if (!slots[key]) slots[key] = mins[key] ?? 0;
  if (Object.entries(mins).some(([k, min]) => (slots[k] ?? 0) < min)) {
    throw new ProblemError("invalid-api-params", { msg: `Your resource request is smaller than the minimum required by the image. (${humanize(mins, types)})` });
  }
  const maxes = imageLimits(image, types, "max");
  if (Object.entries(maxes).some(([k, max]) => (slots[k] ?? 0) > max)) {
    throw new ProblemError("invalid-api-params", { msg: `Your resource request is larger than the maximum allowed by the image. (${humanize(maxes, types)})` });
  }
  return Object.fromEntries(Object.entries(slots).map(([k, v]) => [k, String(v)]));
}

/** Python `str()` of a slot dict, as session info renders it (spec §4.2). */
export function pyStr(o: Record<string, string>): string {
  return `{${Object.entries(o).map(([k, v]) => `'${k}': '${v}'`).join(", ")}}`;
}
