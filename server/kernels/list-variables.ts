// The objects of a notebook's kernel workspace (an environment pane), if the kernel can answer now.
import "server-only";
import type { VariableInfo } from "./types";
import { askIdleKernel } from "./ask-idle-kernel";

const TIMEOUT_MS = 6_000;

export function listVariables(args: { userId: string; notebookId: string }): Promise<VariableInfo[]> {
  const none: VariableInfo[] = [];
  return askIdleKernel({ ...args, timeoutMs: TIMEOUT_MS }, none, ({ provider, remoteId }, signal) =>
    provider.variables ? provider.variables(remoteId, { signal }) : null);
}
