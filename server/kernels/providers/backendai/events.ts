// Backend.AI console items (spec §5.3) as Kernelbook ExecEvents: text streams, images, HTML, and
// the traceback a query-mode run reports on stderr with exit code 0 (spec §5.4) as an error.
import type { ExecEvent } from "@/server/contracts/outputs";
import type { ConsoleItem } from "./schemas";

const ANSI = /\x1b\[[0-9;]*m/g;
// R (IRkernel) errors start "Error in f(x) : …" or "Error: …"; IPython's start with a rule or
// "Traceback". Other stderr text (messages, warnings) stays a stream.
const R_ERROR = /^Error(?: in [^\n]*? : |: )([\s\S]*)$/;
const PY_ERROR = /^(?:-{10,}\n|Traceback \(most recent call last\))[\s\S]*?\n(\w+(?:Error|Exception|Interrupt))\b:?\s*([^\n]*)/;

/** An error event when stderr text is a traceback, else undefined. */
export function tracebackEvent(text: string): ExecEvent | undefined {
  const plain = text.replace(ANSI, "").trimStart();
  const r = R_ERROR.exec(plain);
  if (r) return { type: "error", ename: "Error", evalue: (r[1] ?? "").split("\n")[0]?.trim() ?? "", traceback: text.split("\n") };
  const py = PY_ERROR.exec(plain);
  if (py) return { type: "error", ename: py[1] ?? "Error", evalue: py[2]?.trim() ?? "", traceback: text.split("\n") };
  return undefined;
}

/** `data:image/png;base64,AAAA` → `AAAA` (bundles keep base64 for binary types). */
function mediaData(mime: string, data: string): string {
  const prefix = /^data:[^,]*;base64,/.exec(data);
  return prefix && mime !== "image/svg+xml" ? data.slice(prefix[0].length) : data;
}

export function consoleEvents(items: ConsoleItem[]): ExecEvent[] {
  const events: ExecEvent[] = [];
  for (const item of items) {
    switch (item.kind) {
      case "stdout":
        events.push({ type: "stream", name: "stdout", text: item.text });
        break;
      case "stderr":
        events.push(tracebackEvent(item.text) ?? { type: "stream", name: "stderr", text: item.text });
        break;
      case "html":
        events.push({ type: "display_data", data: { "text/html": item.text } });
        break;
      case "media":
        events.push({ type: "display_data", data: { [item.mime]: mediaData(item.mime, item.data) } });
        break;
      case "other":
        break;
      default: {
        const unreachable: never = item;
        return unreachable;
      }
    }
  }
  return events;
}

/**
 * Splits the prompt a readline echoed to stdout (the text after the last newline of the last
 * stdout item) from the output before it, for `waiting-input` results.
 */
export function splitPrompt(items: ConsoleItem[]): { items: ConsoleItem[]; prompt: string } {
  const last = items.at(-1);
  if (last?.kind !== "stdout") return { items, prompt: "" };
  const cut = last.text.lastIndexOf("\n") + 1;
  const before = last.text.slice(0, cut);
  const rest = items.slice(0, -1);
  return { items: before ? [...rest, { kind: "stdout", text: before }] : rest, prompt: last.text.slice(cut) };
}
