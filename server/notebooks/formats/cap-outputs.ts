// The per-execution output cap applied to imported outputs, so an imported cell holds no more than
// a live run of it could have stored.
import type { ExecEvent, StoredEvent } from "@/server/contracts/outputs";

/** Outputs up to the cap, as a live run keeps them: then one truncation marker; errors are always kept. */
export function capOutputs(outputs: ExecEvent[], limitBytes: number): StoredEvent[] {
  const kept: StoredEvent[] = [];
  let bytes = 0;
  let truncated = false;
  for (const output of outputs) {
    if (output.type === "error") {
      kept.push(output); // it tells how the cell ended, so it survives the cap (as in the event writer)
      continue;
    }
    if (truncated) continue;
    const size = Buffer.byteLength(JSON.stringify(output));
    if (bytes + size > limitBytes) {
      truncated = true;
      kept.push({ type: "truncated", limitBytes });
      continue;
    }
    bytes += size;
    kept.push(output);
  }
  return kept;
}
