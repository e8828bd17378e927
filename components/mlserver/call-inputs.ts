// Calling a web service from the panel: a JSON template of its inputs by type, the typed JSON read
// back (with a sentence when it is not an object of known inputs), and the outputs as table rows.

/** An example value for each ML Server parameter type; data frames column by column. */
export function exampleValue(type: string): unknown {
  switch (type) {
    case "logical": return true;
    case "numeric": return 1.5;
    case "integer": return 1;
    case "character": return "text";
    case "vector": return [1, 2, 3];
    case "matrix": return [[1, 2], [3, 4]];
    case "data.frame": return { a: [1, 2], b: ["x", "y"] };
    default: return null;
  }
}

/** `{"hp": 1.5, "am": true}` for inputs hp numeric and am logical, pretty-printed. */
export function inputTemplate(inputs: Record<string, string>): string {
  const entries = Object.entries(inputs);
  if (entries.length === 0) return "{}";
  return JSON.stringify(Object.fromEntries(entries.map(([name, type]) => [name, exampleValue(type)])), null, 2);
}

export type ParsedCallInputs = { ok: true; inputs: Record<string, unknown> } | { ok: false; message: string };

/** Reads the typed JSON; blank means no inputs. Names the service does not take are refused. */
export function parseCallInputs(text: string, declared: Record<string, string>): ParsedCallInputs {
  if (text.trim() === "") return { ok: true, inputs: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, message: `This is not valid JSON (${reason}).` };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { ok: false, message: `Give the inputs as one JSON object of name → value, e.g. ${inputTemplate(declared).replace(/\s+/g, " ")}.` };
  }
  const inputs = value as Record<string, unknown>;
  const known = Object.keys(declared);
  const unknown = Object.keys(inputs).find((name) => !Object.hasOwn(declared, name));
  if (unknown !== undefined) {
    const takes = known.length === 0 ? "this service takes no inputs" : `its inputs are ${known.join(", ")}`;
    return { ok: false, message: `“${unknown}” is not an input of this service: ${takes}.` };
  }
  return { ok: true, inputs };
}

export type OutputRow = { name: string; text: string };

/** Each output by name: scalars as text, anything else as pretty JSON. */
export function outputRows(outputs: Record<string, unknown>): OutputRow[] {
  return Object.entries(outputs).map(([name, value]) => ({ name, text: formatOutputValue(value) }));
}

function formatOutputValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === undefined) return "undefined";
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  if (Array.isArray(value) && value.length === 1 && (typeof value[0] === "number" || typeof value[0] === "boolean" || typeof value[0] === "string")) {
    return String(value[0]);
  }
  return JSON.stringify(value, null, 2) ?? String(value);
}
