// Limits of the tRPC endpoint: how many calls one batched request may make, and how large a body
// each procedure accepts (small, except the two that carry a whole notebook).
import { MAX_BATCH_CALLS } from "@/server/contracts/api-limits";
import { MAX_IMPORT_BYTES } from "@/server/contracts/notebook-transfer";

export { MAX_BATCH_CALLS };
export const TOO_MANY_CALLS = `A request may batch at most ${MAX_BATCH_CALLS} calls.`;

/** Any procedure's body (titles, cell code up to MAX_CODE_BYTES, settings). */
export const DEFAULT_BODY_BYTES = 2 * 1024 * 1024;

/** A whole notebook: an import (MAX_IMPORT_BYTES of text, which JSON escaping can double) or a save. */
export const NOTEBOOK_BODY_BYTES = 2 * MAX_IMPORT_BYTES + 1024 * 1024;
const NOTEBOOK_PROCEDURES = new Set(["notebook.import", "notebook.save"]);

/** The procedure paths of a request: `/api/trpc/a.b,c.d?batch=1` → ["a.b", "c.d"]. */
export function procedurePaths(req: Request): string[] {
  const raw = new URL(req.url).pathname.replace(/^.*\/api\/trpc\/?/, "");
  let path = raw;
  try {
    path = decodeURIComponent(raw);
  } catch {
    // A malformed escape: tRPC will answer "no such procedure" for it.
  }
  return path.split(",").filter(Boolean);
}

export function trpcBodyLimit(req: Request): number {
  return procedurePaths(req).some((p) => NOTEBOOK_PROCEDURES.has(p)) ? NOTEBOOK_BODY_BYTES : DEFAULT_BODY_BYTES;
}

/** True when one request batches more than MAX_BATCH_CALLS calls (refused with 413 before any runs). */
export function tooManyCalls(req: Request): boolean {
  return procedurePaths(req).length > MAX_BATCH_CALLS;
}
