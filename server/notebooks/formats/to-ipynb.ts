// Writes a notebook and its latest outputs as nbformat 4.5, as JupyterLab would: cell ids, prompt
// numbers, sources and texts as lists of lines, R warnings and messages as stderr streams.
import type { MimeBundle, StoredEvent } from "@/server/contracts/outputs";
import { isJsonMime } from "./ipynb-schema";
import { kernelMetadata } from "./kernel-language";
import { toLines } from "./multiline";
import type { ExportableNotebook, ExportCell } from "./exportable";

type JsonBundle = Record<string, unknown>;
type Metadata = Record<string, unknown>;

export type IpynbOutputJson =
  | { output_type: "stream"; name: "stdout" | "stderr"; text: string[] }
  | { output_type: "display_data"; data: JsonBundle; metadata: Metadata }
  | { output_type: "execute_result"; data: JsonBundle; metadata: Metadata; execution_count: number | null }
  | { output_type: "error"; ename: string; evalue: string; traceback: string[] };

export type IpynbCellJson =
  | { id: string; cell_type: "markdown"; metadata: Metadata; source: string[] }
  | { id: string; cell_type: "code"; metadata: Metadata; source: string[]; execution_count: number | null; outputs: IpynbOutputJson[] };

export type IpynbJson = { nbformat: 4; nbformat_minor: 5; metadata: Metadata; cells: IpynbCellJson[] };

export function toIpynb(notebook: ExportableNotebook): IpynbJson {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { ...kernelMetadata(notebook.language), title: notebook.title },
    cells: notebook.cells.map(toIpynbCell),
  };
}

/** The file's text: one space of indent and a final newline, as Jupyter writes (diffs stay readable). */
export function toIpynbText(notebook: ExportableNotebook): string {
  return `${JSON.stringify(toIpynb(notebook), null, 1)}\n`;
}

function toIpynbCell(cell: ExportCell): IpynbCellJson {
  const base = { id: cell.id, metadata: cell.metadata ?? {}, source: toLines(cell.source) };
  if (cell.kind === "markdown") return { ...base, cell_type: "markdown" };
  const executionCount = cell.execution?.executionCount ?? null;
  return { ...base, cell_type: "code", execution_count: executionCount, outputs: toIpynbOutputs(cell.execution?.events ?? [], executionCount) };
}

/** Stored events in order as nbformat outputs; consecutive text of one stream becomes one output. */
export function toIpynbOutputs(events: readonly StoredEvent[], executionCount: number | null): IpynbOutputJson[] {
  const outputs: IpynbOutputJson[] = [];
  for (const event of events) {
    const output = toIpynbOutput(event, executionCount);
    if (!output) continue;
    const last = outputs.at(-1);
    if (output.output_type === "stream" && last?.output_type === "stream" && last.name === output.name) {
      outputs[outputs.length - 1] = { ...last, text: toLines(last.text.join("") + output.text.join("")) };
    } else outputs.push(output);
  }
  return outputs;
}

function toIpynbOutput(event: StoredEvent, executionCount: number | null): IpynbOutputJson | null {
  switch (event.type) {
    case "stream":
      return stream(event.name, event.text);
    case "warning":
      // R's own console wording; IRkernel writes warnings to stderr the same way.
      return stream("stderr", withNewline(/^warning/i.test(event.text) ? event.text : `Warning message:\n${event.text}`));
    case "message":
      return stream("stderr", event.text);
    case "input_request":
      return stream("stdout", event.prompt);
    case "input_reply":
      // Jupyter shows the answer after its prompt, as the console echoes it.
      return stream("stdout", `${event.value}\n`);
    case "display_data":
      return { output_type: "display_data", data: toIpynbBundle(event.data), metadata: event.metadata ?? {} };
    case "execute_result":
      return { output_type: "execute_result", data: toIpynbBundle(event.data), metadata: {}, execution_count: executionCount };
    case "error":
      return { output_type: "error", ename: event.ename, evalue: event.evalue, traceback: event.traceback };
    case "truncated":
      return stream("stderr", `[Output truncated at ${formatLimit(event.limitBytes)}, the output limit; the rest was not kept.]\n`);
    case "status":
    case "notice": // about Kernelbook's kernel, not output of the code
      return null;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

function stream(name: "stdout" | "stderr", text: string): IpynbOutputJson | null {
  return text === "" ? null : { output_type: "stream", name, text: toLines(text) };
}

function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}

function withNewline(text: string): string {
  return text.endsWith("\n") ? text : `${text}\n`;
}

/** Text as lines (as Jupyter writes it), JSON types as JSON values, binary (base64) as one string. */
export function toIpynbBundle(data: MimeBundle): JsonBundle {
  const bundle: JsonBundle = {};
  for (const [mime, value] of Object.entries(data)) {
    if (isJsonMime(mime)) bundle[mime] = parseJsonOr(value);
    else if (isTextMime(mime)) bundle[mime] = toLines(value);
    else bundle[mime] = value;
  }
  return bundle;
}

function isTextMime(mime: string): boolean {
  return mime.startsWith("text/") || mime === "image/svg+xml" || mime === "application/javascript";
}

function parseJsonOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
