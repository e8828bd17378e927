// Upgrades nbformat 2 and 3 notebooks to nbformat 4 the way nbformat's own converters do
// (nbformat/v3/convert.py, nbformat/v4/convert.py): worksheets flattened into cells, `input` →
// `source`, `prompt_number` → `execution_count`, heading cells → markdown headings, `pyout`/`pyerr`
// → `execute_result`/`error`, output values under v3 aliases (`png`, `html`...) → a MIME bundle.
// Works on the parsed JSON before the schema checks it; the original version is kept in metadata.
type Json = Record<string, unknown>;

/** nbformat 3's short output keys, in nbformat's own order (`_mime_map`). */
const MIME_ALIASES: Record<string, string> = {
  text: "text/plain",
  html: "text/html",
  svg: "image/svg+xml",
  png: "image/png",
  jpeg: "image/jpeg",
  latex: "text/latex",
  json: "application/json",
  javascript: "application/javascript",
};

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** v2 → v3 → v4. A v4 notebook is returned as it is; other versions are the caller's to refuse. */
export function upgradeNotebook(nb: Json): Json {
  if (nb.nbformat === 2) return upgradeNotebook(fromV2(nb));
  if (nb.nbformat === 3) return fromV3(nb);
  return nb;
}

/** Text values nbformat 2 writes as lists of lines without their newlines (v2/rwbase.py). */
const V2_LINE_OUTPUTS = ["text", "html", "svg", "latex", "javascript", "json"];

/** v2 differs from v3 in its lists of lines, and in what v3 added: every cell has metadata. */
function fromV2(nb: Json): Json {
  return {
    ...nb,
    nbformat: 3,
    nbformat_minor: 0,
    orig_nbformat: 2,
    worksheets: listOf(nb.worksheets).map((ws) => (isObject(ws) ? { ...ws, cells: listOf(ws.cells).map(v2Cell) } : ws)),
  };
}

function v2Cell(value: unknown): Json {
  const cell = withMetadata(value);
  const rejoined = (v: unknown) => (Array.isArray(v) ? v.join("\n") : v);
  if (cell.cell_type !== "code") {
    return { ...cell, ...(cell.source !== undefined ? { source: rejoined(cell.source) } : {}) };
  }
  const outputs = listOf(cell.outputs).map((o) =>
    isObject(o) ? Object.fromEntries(Object.entries(o).map(([k, v]) => [k, V2_LINE_OUTPUTS.includes(k) ? rejoined(v) : v])) : o);
  return { ...cell, ...(cell.input !== undefined ? { input: rejoined(cell.input) } : {}), outputs };
}

function fromV3(nb: Json): Json {
  const { worksheets, orig_nbformat, orig_nbformat_minor, ...rest } = nb;
  const { name: _name, signature: _signature, ...metadata } = isObject(nb.metadata) ? nb.metadata : {};
  const cells = listOf(worksheets).flatMap((ws) => (isObject(ws) ? listOf(ws.cells) : [])).map(upgradeCell);
  return {
    ...rest,
    nbformat: 4,
    nbformat_minor: 0,
    metadata: { ...languageMetadata(metadata, cells), orig_nbformat: orig_nbformat ?? 3, orig_nbformat_minor: orig_nbformat_minor ?? nb.nbformat_minor ?? 0 },
    cells: cells.map(({ language: _language, ...cell }) => cell),
  };
}

/**
 * nbformat drops the code cells' `language`; before kernelspecs it was the only record of the
 * language (IPython 2 wrote "python", IRkernel's 2014 notebooks "R", also as metadata.language),
 * so it becomes language_info when the notebook names no kernel.
 */
function languageMetadata(metadata: Json, cells: Json[]): Json {
  if (metadata.kernelspec !== undefined || metadata.language_info !== undefined) return metadata;
  const { language, ...rest } = metadata;
  const fromCells = [...new Set(cells.flatMap((c) => (c.cell_type === "code" && typeof c.language === "string" ? [c.language] : [])))];
  const name = typeof language === "string" ? language : fromCells.length === 1 ? fromCells[0] : undefined;
  return name ? { ...rest, language_info: { name } } : rest;
}

function upgradeCell(value: unknown): Json {
  if (!isObject(value)) return { cell_type: undefined };
  const cell = withMetadata(value);
  switch (cell.cell_type) {
    case "code": {
      const { input, prompt_number, collapsed, outputs, ...rest } = cell;
      const metadata = collapsed === undefined ? cell.metadata : { ...(cell.metadata as Json), collapsed };
      return { ...rest, metadata, source: input ?? "", execution_count: prompt_number ?? null, outputs: listOf(outputs).map(upgradeOutput) };
    }
    case "heading": {
      const { level, ...rest } = cell;
      const text = joined(cell.source).split(/\r\n|\r|\n/).join(" ");
      return { ...rest, cell_type: "markdown", source: `${"#".repeat(typeof level === "number" ? level : 1)} ${text}` };
    }
    case "html":
      return { ...cell, cell_type: "markdown" };
    default:
      return cell;
  }
}

function upgradeOutput(value: unknown): unknown {
  if (!isObject(value)) return value;
  switch (value.output_type) {
    case "pyout":
    case "display_data":
      return bundleOutput(value);
    case "pyerr":
      return { ...value, output_type: "error" };
    case "stream": {
      const { stream, ...rest } = value;
      return { ...rest, name: stream ?? rest.name ?? "stdout" };
    }
    default:
      return value;
  }
}

/** Every key but the output's own moves into `data`, under its MIME type. */
function bundleOutput(output: Json): Json {
  const { output_type, prompt_number, metadata, ...values } = output;
  const data: Json = {};
  for (const [key, value] of Object.entries(values)) data[MIME_ALIASES[key] ?? key] = value;
  const json = data["application/json"];
  if (typeof json === "string" || Array.isArray(json)) data["application/json"] = parsedJson(joined(json));
  const meta: Json = {};
  for (const [key, value] of Object.entries(isObject(metadata) ? metadata : {})) meta[MIME_ALIASES[key] ?? key] = value;
  const upgraded: Json = { output_type: output_type === "pyout" ? "execute_result" : "display_data", data, metadata: meta };
  if (output_type === "pyout") upgraded.execution_count = prompt_number ?? null;
  return upgraded;
}

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function withMetadata(cell: unknown): Json {
  if (!isObject(cell)) return { cell_type: undefined };
  return isObject(cell.metadata) ? cell : { ...cell, metadata: {} };
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function joined(value: unknown): string {
  if (typeof value === "string") return value;
  return Array.isArray(value) ? value.filter((v) => typeof v === "string").join("") : "";
}
