// Why: input parameters arrive as JSON (§2.5, §4) and the compute node has no JSON reader for R,
// so the Node side turns each value into R source: scalars, vectors, lists, matrices and data
// frames (column-wise objects, the documented encoding).
export type ParameterType = "logical" | "numeric" | "integer" | "character" | "vector" | "matrix" | "data.frame";

type Scalar = string | number | boolean | null;

const isScalar = (v: unknown): v is Scalar => v === null || ["string", "number", "boolean"].includes(typeof v);

export function rString(s: string): string {
  // JSON string escapes (\" \\ \n \r \t \b \f \uXXXX) are valid R escapes; other characters stay UTF-8.
  return JSON.stringify(s);
}

export function rName(name: string): string {
  return `\`${name.replace(/\\/g, "\\\\").replace(/`/g, "\\`")}\``;
}

function scalar(v: Scalar, kind: string, integer: boolean): string {
  if (v === null) return kind === "string" ? "NA_character_" : kind === "number" ? "NA_real_" : "NA";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return integer && Number.isInteger(v) ? `${v}L` : String(v);
  return rString(v);
}

/** c(...) for an array of scalars of one JSON type (nulls become NA), else undefined. */
function vector(items: unknown[], integer: boolean): string | undefined {
  if (!items.every(isScalar)) return undefined;
  const kinds = new Set(items.filter((v) => v !== null).map((v) => typeof v));
  if (kinds.size > 1) return undefined;
  const kind = [...kinds][0] ?? "logical";
  return `c(${items.map((v) => scalar(v as Scalar, kind, integer)).join(", ")})`;
}

function isColumns(value: Record<string, unknown>): value is Record<string, Scalar[]> {
  const cols = Object.values(value);
  return cols.length > 0 && cols.every((c) => Array.isArray(c) && c.every(isScalar) && c.length === (cols[0] as unknown[]).length);
}

function matrix(rows: unknown[]): string | undefined {
  if (rows.length === 0 || !rows.every((r) => Array.isArray(r) && r.length === (rows[0] as unknown[]).length)) return undefined;
  const cells = vector((rows as unknown[][]).flat(), false);
  return cells && `matrix(${cells}, nrow = ${rows.length}, byrow = TRUE)`;
}

function dataFrame(value: Record<string, unknown>): string | undefined {
  if (!isColumns(value)) return undefined;
  const cols = Object.entries(value).map(([k, v]) => `${rName(k)} = ${vector(v, false) ?? toRLiteral(v)}`);
  return `data.frame(${cols.join(", ")}, check.names = FALSE, stringsAsFactors = FALSE)`;
}

/** R source for a JSON value; `type` is the declared ParameterDefinition type when there is one. */
export function toRLiteral(value: unknown, type?: ParameterType): string {
  if (value === null || value === undefined) return "NULL";
  if (isScalar(value)) return scalar(value, typeof value, type === "integer");
  if (Array.isArray(value)) {
    if (type === "matrix") return matrix(value) ?? `list(${value.map((v) => toRLiteral(v)).join(", ")})`;
    return vector(value, type === "integer") ?? `list(${value.map((v) => toRLiteral(v)).join(", ")})`;
  }
  const obj = value as Record<string, unknown>;
  if (type === undefined || type === "data.frame") {
    const df = dataFrame(obj);
    if (df) return df;
  }
  return `list(${Object.entries(obj).map(([k, v]) => `${rName(k)} = ${toRLiteral(v)}`).join(", ")})`;
}

/** The R lines that create the input parameters in the global environment. */
export function inputsPrelude(inputs: { name: string; value: unknown; type?: ParameterType }[]): string {
  return inputs.map((i) => `assign(${rString(i.name)}, ${toRLiteral(i.value, i.type)}, envir = globalenv())`).join("\n");
}
