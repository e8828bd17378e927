// The webR kernel's IDE features (completion, help, the workspace listing): the R calls to make in
// the session's private IDE environment (ide.R.ts) and the parsing of their answers, at the boundary.
// A kernel that is busy, starting or dead answers "nothing" at once (see RSession.query).
import { z } from "zod";
import type { CodePosition, Completion, Inspection, VariableInfo } from "../../types";
import { VARIABLE_FIELDS } from "./ide.R";
import { toRString } from "@/server/kernels/r-literal";

/** Runs a call in the IDE environment: its character result, or null for "no answer". */
export type AskR = (call: string, options: { timeoutMs: number; signal?: AbortSignal }) => Promise<string[] | null>;

const TIMEOUT_MS = { complete: 3_000, inspect: 5_000, variables: 5_000 } as const;
/** How far back the enclosing call of the cursor is looked for (for help on `f(|`). */
const CALL_SCAN_CHARS = 2_000;

const NAME = String.raw`[\p{L}.][\p{L}\p{N}._]*`;
const QUALIFIED_NAME = new RegExp(String.raw`(?:(${NAME}):::?)?(${NAME})`, "gu");
const NUMBER_LIKE = /^\.\d/;

export async function completeIn(ask: AskR, position: CodePosition): Promise<Completion> {
  const { code, cursor, signal } = position;
  const none: Completion = { matches: [], cursorStart: cursor, cursorEnd: cursor };
  const line = code.slice(code.lastIndexOf("\n", cursor - 1) + 1, cursor);
  const answer = await ask(`complete(${safeLiteral(line)})`, { timeoutMs: TIMEOUT_MS.complete, signal });
  if (!answer?.length) return none;
  const [token, ...matches] = answer;
  const cursorStart = cursor - token.length;
  if (code.slice(cursorStart, cursor) !== token) return none;
  return { matches, cursorStart, cursorEnd: cursor };
}

export async function inspectIn(ask: AskR, position: CodePosition): Promise<Inspection> {
  const name = nameAt(position.code, position.cursor);
  if (!name) return { found: false };
  const call = `inspect(${safeLiteral(name.topic)}, ${safeLiteral(name.pkg ?? "")})`;
  const answer = await ask(call, { timeoutMs: TIMEOUT_MS.inspect, signal: position.signal });
  const text = answer?.[0]?.replace(/.\u0008/g, "").trim();
  return text ? { found: true, text } : { found: false };
}

const ZVariableFields = z.tuple([z.string().min(1), z.string(), z.string(), z.string().regex(/^\d*$/), z.string()]);

export async function variablesIn(ask: AskR, options: { signal?: AbortSignal } = {}): Promise<VariableInfo[]> {
  const answer = await ask("variables()", { timeoutMs: TIMEOUT_MS.variables, signal: options.signal });
  if (!answer || answer.length % VARIABLE_FIELDS !== 0) return [];
  const variables: VariableInfo[] = [];
  for (let i = 0; i < answer.length; i += VARIABLE_FIELDS) {
    const parsed = ZVariableFields.safeParse(answer.slice(i, i + VARIABLE_FIELDS));
    if (!parsed.success) continue;
    const [name, type, shape, size, preview] = parsed.data;
    variables.push({ name, type, shape, sizeBytes: size === "" ? null : Number(size), preview });
  }
  return variables;
}

/**
 * The R name the help is wanted for: the (possibly `pkg::`-qualified) name under or just before
 * the cursor, else the function of the call the cursor is in (`summary(|`). Null if there is none.
 */
export function nameAt(code: string, cursor: number): { topic: string; pkg: string | null } | null {
  return nameTouching(code, cursor) ?? enclosingCallName(code, cursor);
}

function nameTouching(code: string, cursor: number): { topic: string; pkg: string | null } | null {
  const lineStart = code.lastIndexOf("\n", cursor - 1) + 1;
  const lineEnd = code.indexOf("\n", cursor);
  const line = code.slice(lineStart, lineEnd === -1 ? code.length : lineEnd);
  const at = cursor - lineStart;
  for (const match of line.matchAll(QUALIFIED_NAME)) {
    const start = match.index;
    if (start > at) break;
    if (start + match[0].length < at || NUMBER_LIKE.test(match[2])) continue;
    return { topic: match[2], pkg: match[1] ?? null };
  }
  return null;
}

function enclosingCallName(code: string, cursor: number): { topic: string; pkg: string | null } | null {
  let depth = 0;
  for (let i = cursor - 1; i >= Math.max(0, cursor - CALL_SCAN_CHARS); i--) {
    const c = code[i];
    if (c === ")") depth++;
    else if (c === "(" && depth > 0) depth--;
    else if (c === "(") {
      let end = i;
      while (end > 0 && /[ \t]/.test(code[end - 1])) end--;
      return end > 0 ? nameTouching(code, end) : null;
    }
  }
  return null;
}

/** An R string literal, or "" for text R cannot hold (NUL): the question then finds nothing. */
function safeLiteral(text: string): string {
  return toRString(text.replaceAll("\u0000", ""));
}
