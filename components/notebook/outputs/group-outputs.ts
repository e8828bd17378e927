// Turns an execution's stored events into display blocks: consecutive stream chunks of one name
// (and consecutive R messages) become one block; the final status's reason becomes a muted line.
// Carriage returns are applied (progress lines); ANSI colours stay, for the renderers to show.
// A kernel's input request becomes an input block until it is answered; answered, the prompt and
// the answer read as the console shows them ("Name? Ada").
import type { ExecutionStatus, MimeBundle, StoredEvent } from "@/server/contracts/outputs";
import { applyCarriageReturns } from "./ansi";

export type OutputBlock =
  | { kind: "stream"; name: "stdout" | "stderr"; text: string }
  | { kind: "message"; text: string }
  | { kind: "warning"; text: string }
  | { kind: "error"; ename: string; evalue: string; traceback: string[] }
  | { kind: "rich"; data: MimeBundle }
  | { kind: "truncated"; limitBytes: number }
  | { kind: "status"; status: ExecutionStatus; reason: string }
  /** Said by Kernelbook about the run (e.g. it started a new kernel: variables are gone). */
  | { kind: "notice"; text: string }
  /** An input request not answered (yet): a box while its execution runs, else the prompt. */
  | { kind: "input"; prompt: string; password: boolean };

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
        blocks.push({ kind: "input", prompt: event.prompt, password: event.password });
        break;
      case "input_reply":
        answerInput(blocks, event.value);
        break;
      case "truncated":
        if (!blocks.some((b) => b.kind === "truncated")) blocks.push({ kind: "truncated", limitBytes: event.limitBytes });
        break;
      case "notice":
        blocks.push({ kind: "notice", text: event.text });
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

/** Turns the last unanswered input block into stdout text "prompt + answer", merged with its neighbours. */
function answerInput(blocks: OutputBlock[], value: string): void {
  const at = blocks.findLastIndex((b) => b.kind === "input");
  const input = blocks[at];
  if (!input || input.kind !== "input") return;
  const text = `${input.prompt}${value}\n`;
  const before = blocks[at - 1];
  if (before?.kind === "stream" && before.name === "stdout") {
    blocks.splice(at - 1, 2, { ...before, text: before.text + text });
  } else {
    blocks[at] = { kind: "stream", name: "stdout", text };
  }
}

/** The input block a running execution is waiting on: the last one, if nothing came after it. */
export function pendingInput(blocks: readonly OutputBlock[]): number {
  const at = blocks.findLastIndex((b) => b.kind === "input");
  return at >= 0 && blocks.slice(at + 1).every((b) => b.kind === "status") ? at : -1;
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
