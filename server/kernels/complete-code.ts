// Completion at the cursor of a cell, from the notebook's kernel if it can answer now (else none).
import "server-only";
import type { CodePositionInput } from "@/server/contracts/kernel";
import type { Completion } from "./types";
import { askIdleKernel } from "./ask-idle-kernel";

const TIMEOUT_MS = 4_000;

export function completeCode(args: { userId: string } & CodePositionInput): Promise<Completion> {
  const { userId, notebookId, code, cursor } = args;
  const none: Completion = { matches: [], cursorStart: cursor, cursorEnd: cursor };
  return askIdleKernel({ userId, notebookId, timeoutMs: TIMEOUT_MS }, none, ({ provider, remoteId }, signal) =>
    provider.complete ? provider.complete(remoteId, { code, cursor, signal }) : null);
}
