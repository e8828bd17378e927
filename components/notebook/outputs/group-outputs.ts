// Turns an execution's stored events into display blocks: consecutive stream chunks of one name
// (and consecutive R messages) become one block; the final status's reason becomes a muted line.
// Carriage returns are applied (progress lines); ANSI colours stay, for the renderers to show.
import type { ExecutionStatus, MimeBundle, StoredEvent } from "@/server/contracts/outputs";
import { applyCarriageReturns } from "./ansi";

export type OutputBlock =
  | { kind: "stream"; name: "stdout" | "stderr"; text: string }
  | { kind: "message"; text: string }
  | { kind: "warning"; text: string }
  | { kind: "error"; ename: string; evalue: string; traceback: string[] }
  | { kind: "rich"; data: MimeBundle }
  | { kind: "truncated"; limitBytes: number }
  | { kind: "status"; status: ExecutionStatus; reason: string };

export function groupOutputs(events: readonly StoredEvent[]): OutputBlock[] {
  const blocks: OutputBlock[] = [];
  for (const event of events) {
    const last = blocks.at(-1);
    switch (event.type) {
      case "stream":
        if (last?.kind === "stream" && last.name === event.name) blocks[blocks.length - 1] = { ...last, text: last.text + event.text };
        else blocks.push({ kind: "stream", name: event.name, text: event.text });
        break;
      case "message":
        if (last?.kind === "message") blocks[blocks.length - 1] = { ...last, text: last.text + event.text };
        else blocks.push({ kind: "message", text: event.text });
        break;
      case "warning":
        blocks.push({ kind: "warning", text: event.text });
        break;
      case "error":
        blocks.push({ kind: "error", ename: event.ename, evalue: event.evalue, traceback: event.traceback });
        break;
      case "display_data":
      case "execute_result":
        blocks.push({ kind: "rich", data: event.data });
        break;
      case "input_request":
        // TODO(#3): an input box answering the kernel; until then the prompt is shown as text.
        blocks.push({ kind: "stream", name: "stdout", text: event.prompt });
        break;
      case "truncated":
        if (!blocks.some((b) => b.kind === "truncated")) blocks.push({ kind: "truncated", limitBytes: event.limitBytes });
        break;
      case "status":
        if (event.reason && !blocks.some((b) => b.kind === "error" && b.evalue === event.reason)) {
          blocks.push({ kind: "status", status: event.status, reason: event.reason });
        }
        break;
      default: {
        const unreachable: never = event;
        return unreachable;
      }
    }
  }
  return blocks.map(cleanText);
}

function cleanText(block: OutputBlock): OutputBlock {
  switch (block.kind) {
    case "stream":
    case "message":
    case "warning":
      return { ...block, text: applyCarriageReturns(block.text) };
    case "error":
      return { ...block, evalue: applyCarriageReturns(block.evalue), traceback: block.traceback.map(applyCarriageReturns) };
    default:
      return block;
  }
}

/** "5 MB", "512 KB": the output cap as users read it. */
export function formatLimit(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}
