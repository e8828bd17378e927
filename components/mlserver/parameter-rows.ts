// The publish dialog's inputs and outputs as editable rows (name + type), what the server is sent,
// and the problems worth a sentence before publishing (the server checks R names itself).
import type { ParameterType } from "./types";

export type ParameterRow = { key: string; name: string; type: ParameterType };
export type ParameterKind = "input" | "output";

export function newParameterRow(key: string): ParameterRow {
  return { key, name: "", type: "numeric" };
}

export function toParameters(rows: readonly ParameterRow[]): { name: string; type: ParameterType }[] {
  return rows.map((r) => ({ name: r.name.trim(), type: r.type }));
}

/** A sentence about the first unnamed or repeated parameter, or null. */
export function parameterProblem(rows: readonly ParameterRow[], kind: ParameterKind): string | null {
  const names = rows.map((r) => r.name.trim());
  const unnamed = names.findIndex((n) => n === "");
  if (unnamed >= 0) return `Name ${kind} ${unnamed + 1}, or remove that row.`;
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) return `Two ${kind}s are called “${repeated}”: each needs its own name.`;
  return null;
}

/** What stops publishing before asking the server: no code, or a problem with the parameters. */
export function publishProblem(draft: { name: string; version: string; code: string; inputs: readonly ParameterRow[]; outputs: readonly ParameterRow[] }): string | null {
  if (draft.name.trim() === "") return "Name the service.";
  if (draft.version.trim() === "") return "Give the service a version, e.g. 1.0.";
  if (draft.code.trim() === "") return "Choose at least one code cell that is not empty: the service runs its code for each call.";
  return parameterProblem(draft.inputs, "input") ?? parameterProblem(draft.outputs, "output");
}
