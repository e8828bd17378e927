// Parses what the webR worker puts on its output queue (console lines and the runner's records)
// into kernel events, at the boundary, so nothing untyped leaves this provider.
import { z } from "zod";
import type { ExecEvent } from "@/server/contracts/outputs";
import { ZTableColumn, type TableOutput } from "@/server/contracts/table";
import { RECORD_MESSAGE_TYPE } from "./worker-hooks";

const ZRecord = z.discriminatedUnion("kind", [
  z.object({ kind: z.enum(["start", "end", "result-start", "result-end"]) }),
  z.object({ kind: z.literal("partial"), name: z.enum(["stdout", "stderr"]), text: z.string() }),
  z.object({ kind: z.enum(["warning", "message"]), text: z.string() }),
  z.object({ kind: z.literal("error"), ename: z.string(), evalue: z.string(), traceback: z.array(z.string()) }),
  z.object({ kind: z.literal("plot"), bytes: z.instanceof(Uint8Array) }),
  z.object({ kind: z.literal("table"), table: z.object({
    columns: z.array(ZTableColumn),
    /** Column-major, as R holds it. */
    data: z.array(z.array(z.string().nullable())),
    rowNames: z.array(z.string().nullable()).nullable(),
    totalRows: z.number().int().nonnegative(),
    totalColumns: z.number().int().nonnegative(),
  }) }),
]);
type RunnerRecord = z.infer<typeof ZRecord>;

const ZWorkerMessage = z.discriminatedUnion("type", [
  z.object({ type: z.enum(["stdout", "stderr"]), data: z.string() }),
  z.object({ type: z.literal(RECORD_MESSAGE_TYPE), data: ZRecord }),
  z.object({ type: z.literal("closed") }),
]);

/** What one worker message means to the kernel. */
export type Routed =
  | { kind: "event"; event: ExecEvent }
  | { kind: "start" | "end" | "result-start" | "result-end" }
  /** The table form of the visible value being printed (a data frame). */
  | { kind: "table"; table: TableOutput }
  | { kind: "closed" }
  | { kind: "ignored" };

const IGNORED: Routed = { kind: "ignored" };
const PNG_TEXT = "<plot>";

/** Interprets one message from `webR.read()`; unknown or malformed messages are ignored. */
export function routeWorkerMessage(message: unknown): Routed {
  const parsed = ZWorkerMessage.safeParse(message);
  if (!parsed.success) return IGNORED;
  const msg = parsed.data;
  switch (msg.type) {
    case "stdout":
    case "stderr":
      // A console line arrives without its newline.
      return { kind: "event", event: { type: "stream", name: msg.type, text: `${msg.data}\n` } };
    case RECORD_MESSAGE_TYPE:
      return routeRecord(msg.data);
    case "closed":
      return { kind: "closed" };
    default: {
      const unreachable: never = msg;
      return unreachable;
    }
  }
}

function routeRecord(record: RunnerRecord): Routed {
  switch (record.kind) {
    case "start":
    case "end":
    case "result-start":
    case "result-end":
      return { kind: record.kind };
    case "partial":
      return { kind: "event", event: { type: "stream", name: record.name, text: record.text } };
    case "warning":
    case "message":
      return { kind: "event", event: { type: record.kind, text: record.text } };
    case "error":
      return { kind: "event", event: { type: "error", ename: record.ename, evalue: record.evalue, traceback: record.traceback } };
    case "plot": {
      const png = Buffer.from(record.bytes.buffer, record.bytes.byteOffset, record.bytes.byteLength).toString("base64");
      return { kind: "event", event: { type: "display_data", data: { "image/png": png, "text/plain": PNG_TEXT } } };
    }
    case "table":
      return { kind: "table", table: toRows(record.table) };
    default: {
      const unreachable: never = record;
      return unreachable;
    }
  }
}

function toRows(table: Extract<RunnerRecord, { kind: "table" }>["table"]): TableOutput {
  const { columns, data, rowNames, totalRows, totalColumns } = table;
  const count = Math.max(0, ...data.map((column) => column.length), rowNames?.length ?? 0);
  const rows = Array.from({ length: count }, (_, r) => data.map((column) => column[r] ?? null));
  return { columns, rows, rowNames: rowNames ? rowNames.map((name) => name ?? "NA") : null, totalRows, totalColumns };
}
