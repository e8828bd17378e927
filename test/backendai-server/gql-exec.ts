// Why: validates a parsed query against the slice of the manager's GraphQL schema the test server
// serves and returns only the requested fields, with graphql-core's error wording.
import type { GqlError, GqlField } from "./graphql";

/** An object type: each field is a scalar (null) or another object type (single or list). */
export type ObjType = { name: string; fields: Record<string, ObjType | null> };
/** A root field: its result type, accepted arguments and resolver. */
export type RootField = { type: ObjType; listOf: string; args: readonly string[]; resolve: (args: Record<string, unknown>) => unknown };

function validateSelection(fields: GqlField[], type: ObjType, errors: GqlError[]): void {
  for (const f of fields) {
    if (!(f.name in type.fields)) {
      errors.push({ message: `Cannot query field '${f.name}' on type '${type.name}'.`, locations: [f.loc] });
      continue;
    }
    const sub = type.fields[f.name];
    if (sub && !f.selections) {
      errors.push({ message: `Field '${f.name}' of type '${sub.name}' must have a selection of subfields. Did you mean '${f.name} { ... }'?`, locations: [f.loc] });
    } else if (!sub && f.selections) {
      errors.push({ message: `Field '${f.name}' must not have a selection since its type has no subfields.`, locations: [f.loc] });
    } else if (sub && f.selections) {
      validateSelection(f.selections, sub, errors);
    }
  }
}

/** Validation as graphql-core does it before execution: root fields, arguments, selections. */
export function validate(fields: GqlField[], roots: Record<string, RootField>, rootName: string): GqlError[] {
  const errors: GqlError[] = [];
  for (const f of fields) {
    const root = roots[f.name];
    if (!root) {
      errors.push({ message: `Cannot query field '${f.name}' on type '${rootName}'.`, locations: [f.loc] });
      continue;
    }
    for (const arg of Object.keys(f.args)) {
      if (!root.args.includes(arg)) errors.push({ message: `Unknown argument '${arg}' on field '${rootName}.${f.name}'.`, locations: [f.loc] });
    }
    if (!f.selections) {
      errors.push({ message: `Field '${f.name}' of type '${root.listOf}' must have a selection of subfields. Did you mean '${f.name} { ... }'?`, locations: [f.loc] });
    } else {
      validateSelection(f.selections, root.type, errors);
    }
  }
  return errors;
}

/** Picks the requested fields (under their aliases) out of resolved data. */
export function select(value: unknown, fields: GqlField[], type: ObjType): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => select(v, fields, type));
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const sub = type.fields[f.name];
    const raw = record[f.name] ?? null;
    out[f.alias] = sub && f.selections ? select(raw, f.selections, sub) : raw;
  }
  return out;
}

/** Executes validated root fields; a resolver's GqlError becomes an error entry with its path. */
export function execute(fields: GqlField[], roots: Record<string, RootField>): { data: Record<string, unknown>; errors: GqlError[] } {
  const data: Record<string, unknown> = {};
  const errors: GqlError[] = [];
  for (const f of fields) {
    const root = roots[f.name];
    try {
      data[f.alias] = select(root.resolve(f.args), f.selections ?? [], root.type);
    } catch (e) {
      data[f.alias] = null;
      errors.push({ message: e instanceof Error ? e.message : String(e), locations: [f.loc], path: [f.alias] });
    }
  }
  return { data, errors };
}
