// The environment pane and completion on ML Server. GET /sessions/{id}/workspace names the
// objects (§2.8); an R session then describes them in one execute of ide.R.ts, whose records come
// back in the console text. Python sessions get the names alone. Completion is R's own, through
// one execute. Both leave the workspace as it was (they do appear in the session's history).
import type { CodePosition, Completion, VariableInfo } from "@/server/kernels/types";
import type { MlServerClient } from "./client";
import { ConsoleReader } from "./console";
import { newNonce } from "./execution";
import { completionCode, VARIABLE_FIELDS, variablesCode } from "./ide.R";
import type { RuntimeType } from "./schemas";

/** Separates the fields of a record (R's "\037"). */
const FIELD_SEPARATOR = "\u001f";
const IDE_TIMEOUT_MS = 30_000;
const COMPLETE_TIMEOUT_MS = 10_000;

type Target = { client: MlServerClient; sessionId: string; runtime: RuntimeType; signal?: AbortSignal };

function bare(name: string): VariableInfo {
  return { name, type: "unknown", shape: "", sizeBytes: null, preview: "" };
}

/** Runs IDE code and returns the payloads of its `mark` records (empty when the code failed). */
async function records(target: Target, code: string, nonce: string, mark: string, timeoutMs: number): Promise<string[]> {
  const result = await target.client.execute(target.sessionId, { code, signal: target.signal, timeoutMs });
  if (!result.success) return [];
  return new ConsoleReader(nonce)
    .read(result.consoleOutput, { final: true })
    .flatMap((r) => (r.kind === "mark" && r.mark === mark ? [r.payload] : []));
}

/** One `var` record (name, class, shape, size, preview) as a VariableInfo. */
export function parseVariable(payload: string): VariableInfo | undefined {
  const fields = payload.split(FIELD_SEPARATOR);
  if (fields.length !== VARIABLE_FIELDS) return undefined;
  const [name = "", type = "", shape = "", size = "", preview = ""] = fields;
  const bytes = size === "" ? Number.NaN : Number(size);
  return { name, type, shape, sizeBytes: Number.isFinite(bytes) ? Math.round(bytes) : null, preview };
}

export async function listVariables(target: Target): Promise<VariableInfo[]> {
  const names = await target.client.listWorkspace(target.sessionId, { signal: target.signal });
  if (target.runtime !== "R" || names.length === 0) return names.map(bare);
  const nonce = newNonce();
  const payloads = await records(target, variablesCode(names, nonce), nonce, "var", IDE_TIMEOUT_MS);
  const described = new Map<string, VariableInfo>();
  for (const payload of payloads) {
    const info = parseVariable(payload);
    if (info) described.set(info.name, info);
  }
  return names.map((name) => described.get(name) ?? bare(name));
}

/** R completion for the line before the cursor: the matches replace the token R recognized. */
export async function completeAt(target: Target, position: CodePosition): Promise<Completion> {
  const before = position.code.slice(0, position.cursor);
  const line = before.slice(before.lastIndexOf("\n") + 1);
  const nonce = newNonce();
  const [payload = ""] = await records({ ...target, signal: position.signal }, completionCode(line, nonce), nonce, "complete", COMPLETE_TIMEOUT_MS);
  const [token = "", ...matches] = payload.split(FIELD_SEPARATOR);
  return { matches, cursorStart: Math.max(0, position.cursor - token.length), cursorEnd: position.cursor };
}
